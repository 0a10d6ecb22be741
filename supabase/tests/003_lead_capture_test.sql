-- Lead capture and qualification (docs/lead-capture.md): the new tables have RLS and their policies, channel secrets
-- are service_role's alone, the capture/outbox functions are service_role's alone and pin their search_path, the
-- inbox RPCs are open to signed-in users but not anon, and a redelivered message is stored once.
begin;
set local search_path = extensions, public;

select plan(61);

-- Tables, RLS, policies ---------------------------------------------------------------------------------------------------
select has_table('public', t, format('table public.%s exists', t))
from unnest(array['channels', 'tracking_codes', 'qualification_scripts', 'outbound_messages']) as t;
select has_table('private', 'channel_secrets', 'table private.channel_secrets exists');

select ok(c.relrowsecurity, format('RLS is enabled on %s', c.oid::regclass))
from pg_catalog.pg_class c
where c.oid in (
  'public.channels'::regclass, 'public.tracking_codes'::regclass, 'public.qualification_scripts'::regclass,
  'public.outbound_messages'::regclass, 'private.channel_secrets'::regclass
)
order by c.oid::regclass::text;

select policies_are('public', 'channels', array[
  'Members read channels of their workspace', 'Admins update channels of their workspace',
  'Admins delete channels of their workspace'
]);
select policies_are('public', t, array[
  format('Members read %s of their workspace', label), format('Operators add %s to their workspace', label),
  format('Operators update %s of their workspace', label), format('Operators delete %s of their workspace', label)
])
from (values ('tracking_codes', 'tracking codes'), ('qualification_scripts', 'qualification scripts')) as v(t, label);
select policies_are('public', 'outbound_messages', array['Members read outbound messages of their workspace']);

select ok(
  not has_table_privilege(r, 'private.channel_secrets', 'select, insert, update, delete, truncate, references, trigger'),
  format('%s holds no privilege on private.channel_secrets', r)
)
from unnest(array['anon', 'authenticated']) as r;
select ok(
  has_table_privilege('service_role', 'private.channel_secrets', 'select, insert, update, delete'),
  'service_role reads and writes channel secrets'
);
select ok(
  not has_table_privilege('authenticated', 'public.channels', 'insert')
    and not has_table_privilege('authenticated', 'public.outbound_messages', 'insert, update, delete'),
  'signed-in users neither connect channels nor write the outbox directly'
);
select ok(
  not has_column_privilege('authenticated', 'public.channels', 'api_base_url', 'update')
    and has_column_privilege('authenticated', 'public.channels', 'name', 'update'),
  'admins may rename a channel but not change where its keys are sent'
);

-- The capture and outbox functions: service_role only, security definer, search_path pinned ------------------------------
create temporary table service_functions (signature text) on commit drop;
insert into service_functions values
  ('private.connect_channel(uuid, jsonb)'),
  ('private.update_channel_status(uuid, text, text, text)'),
  ('private.get_channel_for_webhook(uuid)'),
  ('private.ingest_inbound_message(jsonb)'),
  ('private.unprocessed_inbound(interval, integer)'),
  ('private.load_qualification_context(uuid)'),
  ('private.apply_qualification(jsonb)'),
  ('private.claim_outbound(uuid, integer, integer)'),
  ('private.complete_outbound(uuid, text)'),
  ('private.fail_outbound(uuid, text, integer, boolean)'),
  ('private.expire_outbound_leases()'),
  ('private.flag_conversation(uuid, text)'),
  ('private.request_function(text, jsonb)');

select ok(
  has_function_privilege('service_role', s.signature, 'execute')
    and not has_function_privilege('authenticated', s.signature, 'execute')
    and not has_function_privilege('anon', s.signature, 'execute'),
  format('%s is executable by service_role only', s.signature)
)
from service_functions s
order by s.signature;

select ok(
  p.prosecdef and exists (select 1 from unnest(p.proconfig) as c where c = 'search_path=""'),
  format('%s is security definer with an empty search_path', s.signature)
)
from service_functions s
join pg_catalog.pg_proc p on p.oid = s.signature::regprocedure
order by s.signature;

-- The inbox RPCs: signed-in users and service_role, never anon ------------------------------------------------------------
create temporary table inbox_rpcs (signature text) on commit drop;
insert into inbox_rpcs values
  ('public.search_leads(uuid, public.lead_status[], public.platform[], uuid, integer, integer, text, text, integer, integer)'),
  ('public.take_over_lead(uuid)'),
  ('public.hand_back_lead(uuid)'),
  ('public.send_operator_reply(uuid, text, text)'),
  ('public.override_lead_status(uuid, public.lead_status, text)');

select ok(
  has_function_privilege('authenticated', r.signature, 'execute')
    and not has_function_privilege('anon', r.signature, 'execute'),
  format('%s is executable by signed-in users, not anon', r.signature)
)
from inbox_rpcs r
order by r.signature;
select isnt_definer(
  'public', 'search_leads',
  array['uuid', 'lead_status[]', 'platform[]', 'uuid', 'integer', 'integer', 'text', 'text', 'integer', 'integer'],
  'search_leads() lets RLS decide'
);
select is_definer('public', 'send_operator_reply', array['uuid', 'text', 'text'],
  'send_operator_reply() writes the outbox for the operator it checked');

-- Realtime and the sweep --------------------------------------------------------------------------------------------------
select ok(
  exists (select 1 from pg_catalog.pg_publication_tables where pubname = 'supabase_realtime' and tablename = t),
  format('supabase_realtime publishes %s', t)
)
from unnest(array['conversations', 'outbound_messages']) as t;
select is(
  (select command from private.schedules where name = 'messaging-sweep'),
  'select private.request_function(''messaging-sweep'')',
  'the messaging sweep is registered'
);

-- Capture stores a message once ---------------------------------------------------------------------------------------------
insert into auth.users (id, email) values ('00000000-0000-4000-8000-0000000000c1', 'capture-operator@pgtap.test');
insert into public.workspaces (id, name, slug) values ('0000000c-0000-4000-8000-000000000000', 'Capture', 'pgtap-capture');
insert into public.workspace_members (workspace_id, user_id, role)
values ('0000000c-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000c1', 'operator');

create temporary table capture (channel jsonb, first jsonb, again jsonb) on commit drop;
insert into capture (channel)
select private.connect_channel(
  '00000000-0000-4000-8000-0000000000c1',
  '{"workspace_id": "0000000c-0000-4000-8000-000000000000", "provider": "telegram_bot", "external_id": "700700",
    "name": "pgTAP bot", "secrets": {"bot_token": "700700:token"}}'
);
update capture set first = private.ingest_inbound_message(pg_catalog.jsonb_build_object(
  'channel_id', channel ->> 'id', 'platform_message_id', '700700:42:1', 'chat_id', '42',
  'identity', '{"kind": "telegram", "value": "42"}'::jsonb, 'name', 'Айгерим', 'text', 'Сколько стоит?',
  'sent_at', now()
));
update capture set again = private.ingest_inbound_message(pg_catalog.jsonb_build_object(
  'channel_id', channel ->> 'id', 'platform_message_id', '700700:42:1', 'chat_id', '42',
  'identity', '{"kind": "telegram", "value": "42"}'::jsonb, 'text', 'Сколько стоит?', 'sent_at', now()
));
select is((select first ->> 'status' from capture), 'stored', 'a new message is stored');
select is((select again ->> 'status' from capture), 'duplicate', 'its redelivery is a duplicate');
select is(
  (select count(*)::int from public.messages where workspace_id = '0000000c-0000-4000-8000-000000000000'),
  1,
  'the message is stored once'
);
select is(
  (select pg_catalog.array_agg(action order by id) from public.events where workspace_id = '0000000c-0000-4000-8000-000000000000'),
  array['lead_captured', 'message_received'],
  'capture records the lead once, as captured, and the message once'
);
select is(
  (select private.get_channel_for_webhook((channel ->> 'id')::uuid) -> 'secrets' ->> 'bot_token' from capture),
  '700700:token',
  'the webhook reads the bot token'
);
select ok(
  (select channel from capture) ->> 'bot_token' is null and not ((select channel from capture) ? 'secrets'),
  'connecting returns no secret'
);

select * from finish();
rollback;
