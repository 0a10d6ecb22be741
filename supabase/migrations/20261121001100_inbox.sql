-- The operator's inbox (docs/lead-capture.md): finding leads, taking a conversation over from the bot and handing it
-- back, replying by hand through the outbox, overriding the bot's verdict; and the wake-up call that runs the
-- messaging sweep every minute. The RPCs are executable by authenticated and service_role only; those that write
-- what RLS does not let members write (events, the outbox) check the caller's role themselves.

-- Search --------------------------------------------------------------------------------------------------------------

-- Case folding that does not depend on the database's locale: lower() plus the Cyrillic capitals of Russian and
-- Kazakh, and ё read as е, so "АЙГЕРІМ", "айгерім" and "Алёна"/"Алена" find each other under any collation.
create function private.fold_case(p_text text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.translate(
    pg_catalog.lower(p_text),
    'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІё',
    'абвгдеежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіе'
  )
$$;
comment on function private.fold_case(text) is
  'Lower-cases text for matching, Russian and Kazakh Cyrillic included whatever the collation, and reads ё as е.';

-- The leads list of the dashboard: a workspace's leads, newest first, filtered by status, source, campaign, score
-- range, language and a free-text query that matches the name (case-insensitive, Cyrillic included) or the phone by
-- its digits (a local "8 701 …" is read as "+7 701 …"). With each lead: its campaign's name, the seconds from first
-- contact to first response, its conversations' latest message time, whether a human is needed and why, whether the
-- bot is paused, and the number of leads matching (for paging). Security invoker: RLS decides, so a non-member gets
-- nothing. p_limit 1..1000 and p_offset >= 0, else 22023.
create function public.search_leads(
  p_workspace_id uuid,
  p_statuses public.lead_status[] default null,
  p_sources public.platform[] default null,
  p_campaign_id uuid default null,
  p_score_min integer default null,
  p_score_max integer default null,
  p_language text default null,
  p_query text default null,
  p_limit integer default 50,
  p_offset integer default 0
)
returns table (
  id uuid,
  workspace_id uuid,
  campaign_id uuid,
  campaign_name text,
  source_platform public.platform,
  name text,
  phone text,
  language text,
  status public.lead_status,
  score smallint,
  created_at timestamptz,
  updated_at timestamptz,
  first_contact_at timestamptz,
  first_response_at timestamptz,
  response_seconds integer,
  last_message_at timestamptz,
  needs_human text,
  bot_paused boolean,
  total_count bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_query text := nullif(pg_catalog.btrim(p_query), '');
  v_name_pattern text;
  v_digits text;
  v_local_digits text;
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'p_limit must be between 1 and 1000, got %', p_limit using errcode = '22023';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception 'p_offset must be 0 or more, got %', p_offset using errcode = '22023';
  end if;
  if v_query is not null then
    v_name_pattern := '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
      private.fold_case(v_query), '\', '\\'), '%', '\%'), '_', '\_') || '%';
    v_digits := pg_catalog.regexp_replace(v_query, '\D', '', 'g');
    if pg_catalog.length(v_digits) < 3 then
      v_digits := null;
    end if;
    -- Kazakhstan's trunk prefix: "8 701 123 45 67" is +7 701 123 45 67.
    v_local_digits := case when v_digits like '8%' then '7' || pg_catalog.substr(v_digits, 2) else v_digits end;
  end if;
  return query
    select
      l.id,
      l.workspace_id,
      l.campaign_id,
      c.name,
      l.source_platform,
      l.name,
      l.phone,
      l.language,
      l.status,
      l.score,
      l.created_at,
      l.updated_at,
      l.first_contact_at,
      l.first_response_at,
      case when l.first_response_at is not null and l.first_contact_at is not null
        then greatest(0, pg_catalog.floor(extract(epoch from l.first_response_at - l.first_contact_at)))::integer
      end,
      talk.last_message_at,
      talk.needs_human,
      coalesce(talk.bot_paused, false),
      pg_catalog.count(*) over ()
    from public.leads l
    left join public.campaigns c on c.workspace_id = l.workspace_id and c.id = l.campaign_id
    left join lateral (
      select
        max(cv.last_message_at) as last_message_at,
        (array_agg(cv.needs_human order by cv.updated_at desc) filter (where cv.needs_human is not null))[1] as needs_human,
        bool_or(cv.bot_paused) as bot_paused
      from public.conversations cv
      where cv.workspace_id = l.workspace_id and cv.lead_id = l.id
    ) talk on true
    where l.workspace_id = p_workspace_id
      and (p_statuses is null or l.status = any (p_statuses))
      and (p_sources is null or l.source_platform = any (p_sources))
      and (p_campaign_id is null or l.campaign_id = p_campaign_id)
      and (p_score_min is null or l.score >= p_score_min)
      and (p_score_max is null or l.score <= p_score_max)
      and (p_language is null or l.language = p_language)
      and (
        v_query is null
        or private.fold_case(l.name) like v_name_pattern escape '\'
        or (
          v_digits is not null
          and l.phone is not null
          and (
            pg_catalog.regexp_replace(l.phone, '\D', '', 'g') like '%' || v_digits || '%'
            or pg_catalog.regexp_replace(l.phone, '\D', '', 'g') like v_local_digits || '%'
          )
        )
      )
    order by l.created_at desc, l.id desc
    limit p_limit
    offset p_offset;
end
$$;
comment on function public.search_leads(uuid, public.lead_status[], public.platform[], uuid, integer, integer, text, text, integer, integer) is
  'The workspace''s leads newest first, filtered by statuses, sources, campaign, score range, language and a query matching the name (case-insensitive, Cyrillic included) or the phone''s digits (8 701... reads as +7 701...), with campaign name, response seconds, last message time, needs_human, bot_paused and the total count. RLS decides what the caller sees.';

-- Taking over and handing back -------------------------------------------------------------------------------------------

-- The lead an inbox RPC acts on, for a signed-in operator, admin or owner of its workspace. Not signed in: 42501
-- 'sign_in_required'; a lead the caller cannot see (unknown, or another workspace's): P0002 'lead_not_found';
-- a viewer: 42501 'operator_role_required'.
create function private.lead_for_operator(p_lead_id uuid) returns public.leads
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_lead public.leads;
  v_role public.workspace_role;
begin
  if auth.uid() is null then
    raise exception 'sign_in_required' using errcode = '42501', detail = 'Sign in to work with leads.';
  end if;
  select l.* into v_lead from public.leads l where l.id = p_lead_id;
  v_role := case when found then private.workspace_role_of(v_lead.workspace_id) end;
  if v_role is null then
    raise exception 'lead_not_found' using errcode = 'P0002', detail = pg_catalog.format('Lead %s not found in your workspaces.', p_lead_id);
  end if;
  if v_role > 'operator' then
    raise exception 'operator_role_required'
      using errcode = '42501', detail = 'Only operators, admins and owners of the workspace work with leads.';
  end if;
  return v_lead;
end
$$;
comment on function private.lead_for_operator(uuid) is
  'The lead, when the signed-in caller is an operator, admin or owner of its workspace; else 42501 sign_in_required / operator_role_required, or P0002 lead_not_found when they cannot see it.';

-- Pauses the bot in all of a lead's conversations on behalf of a user, and records 'taken_over' when that changed
-- anything (a second take-over by the same user records nothing).
create function private.take_over_conversations(p_lead public.leads, p_user_id uuid) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_conversation_ids uuid[];
begin
  with taken as (
    update public.conversations cv
    set bot_paused = true, taken_over_by = p_user_id, taken_over_at = pg_catalog.now()
    where cv.workspace_id = p_lead.workspace_id
      and cv.lead_id = p_lead.id
      and (not cv.bot_paused or cv.taken_over_by is distinct from p_user_id)
    returning cv.id
  )
  select pg_catalog.array_agg(taken.id order by taken.id) into v_conversation_ids from taken;
  if v_conversation_ids is not null then
    insert into public.events (workspace_id, actor_user_id, actor_kind, entity_type, entity_id, action, details)
    values (
      p_lead.workspace_id, p_user_id, 'user', 'lead', p_lead.id, 'taken_over',
      pg_catalog.jsonb_build_object('conversation_ids', pg_catalog.to_jsonb(v_conversation_ids))
    );
  end if;
end
$$;
comment on function private.take_over_conversations(public.leads, uuid) is
  'Pauses the bot in every conversation of the lead for the user (taken_over_by/at) and records a taken_over event when anything changed.';

-- An operator takes a lead's conversations over from the bot: the bot stays silent until they hand them back.
create function public.take_over_lead(p_lead_id uuid) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.take_over_conversations(private.lead_for_operator(p_lead_id), auth.uid());
end
$$;
comment on function public.take_over_lead(uuid) is
  'Operators and above: pauses the bot in the lead''s conversations, names the caller as the one who took over, records taken_over. Not signed in or a viewer: 42501; a lead the caller cannot see: P0002 lead_not_found.';

-- An operator hands a lead's conversations back to the bot: it answers again from the lead's next message on, and
-- the conversations no longer ask for a human.
create function public.hand_back_lead(p_lead_id uuid) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_lead public.leads := private.lead_for_operator(p_lead_id);
  v_conversation_ids uuid[];
begin
  with handed as (
    update public.conversations cv
    set bot_paused = false, taken_over_by = null, taken_over_at = null, needs_human = null
    where cv.workspace_id = v_lead.workspace_id
      and cv.lead_id = v_lead.id
      and (cv.bot_paused or cv.taken_over_by is not null or cv.needs_human is not null)
    returning cv.id
  )
  select pg_catalog.array_agg(handed.id order by handed.id) into v_conversation_ids from handed;
  if v_conversation_ids is not null then
    insert into public.events (workspace_id, actor_user_id, actor_kind, entity_type, entity_id, action, details)
    values (
      v_lead.workspace_id, auth.uid(), 'user', 'lead', v_lead.id, 'handed_back',
      pg_catalog.jsonb_build_object('conversation_ids', pg_catalog.to_jsonb(v_conversation_ids))
    );
  end if;
end
$$;
comment on function public.hand_back_lead(uuid) is
  'Operators and above: the bot answers the lead''s conversations again (bot_paused false, taken_over_by/at and needs_human cleared); records handed_back. Not signed in or a viewer: 42501; a lead the caller cannot see: P0002 lead_not_found.';

-- Replying by hand --------------------------------------------------------------------------------------------------------

-- An operator's reply to a lead, queued in the outbox on the lead's latest conversation that has a channel (none:
-- P0002 'no_channel'). Replying takes the conversation over (the bot falls silent). WhatsApp Cloud API accepts a
-- free-form reply only within 24 hours of the lead's last message: outside it, P0001 'outside_24h_window' (a
-- template message is needed). Text 1..4096 characters (trimmed), else 22023 'invalid_text'. The same idempotency
-- key returns the reply queued the first time, queueing nothing new. Wakes the sender; returns the outbox row's id.
create function public.send_operator_reply(p_lead_id uuid, p_text text, p_idempotency_key text) returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_lead public.leads := private.lead_for_operator(p_lead_id);
  v_user_id uuid := auth.uid();
  v_text text := pg_catalog.btrim(p_text);
  v_key text := 'operator:' || pg_catalog.btrim(p_idempotency_key);
  v_existing record;
  v_conversation record;
  v_outbound_id uuid;
begin
  if v_text is null or pg_catalog.length(v_text) not between 1 and 4096 then
    raise exception 'invalid_text' using errcode = '22023', detail = 'A reply has 1 to 4096 characters.';
  end if;
  if p_idempotency_key is null or pg_catalog.length(pg_catalog.btrim(p_idempotency_key)) not between 1 and 200 then
    raise exception 'invalid_idempotency_key' using errcode = '22023', detail = 'The idempotency key has 1 to 200 characters.';
  end if;
  select o.id, o.lead_id into v_existing
  from public.outbound_messages o
  where o.workspace_id = v_lead.workspace_id and o.idempotency_key = v_key;
  if found then
    if v_existing.lead_id <> v_lead.id then
      raise exception 'idempotency_key_reused'
        using errcode = '22023', detail = 'This idempotency key was used for a reply to another lead.';
    end if;
    return v_existing.id;
  end if;

  select cv.id, cv.channel_id, cv.last_inbound_at, ch.provider into v_conversation
  from public.conversations cv
  join public.channels ch on ch.workspace_id = cv.workspace_id and ch.id = cv.channel_id and ch.status <> 'disabled'
  where cv.workspace_id = v_lead.workspace_id and cv.lead_id = v_lead.id
  order by cv.last_message_at desc nulls last, cv.created_at desc, cv.id
  limit 1;
  if not found then
    raise exception 'no_channel' using errcode = 'P0002', detail = 'The lead has no conversation on a connected channel.';
  end if;
  if v_conversation.provider = 'whatsapp_cloud'
    and (v_conversation.last_inbound_at is null or v_conversation.last_inbound_at < pg_catalog.now() - interval '24 hours') then
    raise exception 'outside_24h_window'
      using errcode = 'P0001',
            detail = 'WhatsApp accepts a free-form reply only within 24 hours of the lead''s last message; send a template.';
  end if;

  perform private.take_over_conversations(v_lead, v_user_id);
  insert into public.outbound_messages (
    workspace_id, conversation_id, lead_id, channel_id, sender, sender_user_id, text, idempotency_key
  )
  values (v_lead.workspace_id, v_conversation.id, v_lead.id, v_conversation.channel_id, 'human', v_user_id, v_text, v_key)
  on conflict (workspace_id, idempotency_key) do nothing
  returning id into v_outbound_id;
  if v_outbound_id is null then
    -- The same request, a moment earlier, on another connection.
    select o.id into v_outbound_id
    from public.outbound_messages o
    where o.workspace_id = v_lead.workspace_id and o.idempotency_key = v_key;
    return v_outbound_id;
  end if;
  perform private.request_function(
    'messaging-sweep',
    pg_catalog.jsonb_build_object('reason', 'operator_reply', 'channel_id', v_conversation.channel_id, 'outbound_id', v_outbound_id)
  );
  return v_outbound_id;
end
$$;
comment on function public.send_operator_reply(uuid, text, text) is
  'Operators and above: queues a reply (1-4096 characters) on the lead''s latest conversation with a channel (none: P0002 no_channel), takes the lead over, wakes the sender; WhatsApp Cloud API outside 24 hours of the lead''s last message: P0001 outside_24h_window. The same idempotency key returns the first reply''s id.';

-- Overriding the verdict ----------------------------------------------------------------------------------------------------

-- An operator overrides the bot's verdict: the lead becomes qualified, disqualified or (back to) contacted, with a
-- reason (1..500 characters). The override is kept in qualification.override {by, at, from, to, reason, score}, and
-- the bot never changes the status again; 'status_overridden' is recorded (the audit trigger records the status
-- change too). A handed-off or closed lead is a sale, not a verdict: 55000 'lead_closed'.
create function public.override_lead_status(p_lead_id uuid, p_status public.lead_status, p_reason text) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_lead public.leads := private.lead_for_operator(p_lead_id);
  v_user_id uuid := auth.uid();
  v_reason text := pg_catalog.btrim(p_reason);
begin
  if p_status is null or p_status not in ('qualified', 'disqualified', 'contacted') then
    raise exception 'invalid_status'
      using errcode = '22023', detail = 'A lead''s status is overridden to qualified, disqualified or contacted.';
  end if;
  if v_reason is null or pg_catalog.length(v_reason) not between 1 and 500 then
    raise exception 'invalid_reason' using errcode = '22023', detail = 'Give a reason of 1 to 500 characters.';
  end if;
  if v_lead.status in ('handed_off', 'closed') then
    raise exception 'lead_closed'
      using errcode = '55000', detail = pg_catalog.format('The lead is %s; its status is no longer a verdict to override.', v_lead.status);
  end if;
  update public.leads l
  set status = p_status,
      qualification = l.qualification || pg_catalog.jsonb_build_object('override', pg_catalog.jsonb_build_object(
        'by', v_user_id,
        'at', pg_catalog.now(),
        'from', v_lead.status,
        'to', p_status,
        'reason', v_reason,
        'score', v_lead.score
      ))
  where l.id = v_lead.id;
  insert into public.events (workspace_id, actor_user_id, actor_kind, entity_type, entity_id, action, from_status, to_status, details)
  values (
    v_lead.workspace_id, v_user_id, 'user', 'lead', v_lead.id, 'status_overridden', v_lead.status::text, p_status::text,
    pg_catalog.jsonb_build_object('reason', v_reason, 'from', v_lead.status, 'to', p_status)
  );
end
$$;
comment on function public.override_lead_status(uuid, public.lead_status, text) is
  'Operators and above: sets the lead''s status to qualified, disqualified or contacted with a reason (1-500), keeps the override in qualification.override (the bot no longer changes the status) and records status_overridden. Handed off or closed: 55000 lead_closed.';

-- Waking Edge Functions -----------------------------------------------------------------------------------------------------

-- Asks an Edge Function to run, after this transaction commits. On Supabase (pg_net installed and Vault holding
-- 'project_url' and 'service_role_key') it is an HTTP POST to <project_url>/functions/v1/<name> with the service
-- role key; elsewhere a notification on channel 'arqan_functions' ({name, body}) that the local stack answers by
-- calling the function. The URL and key are read from Vault at call time, never written into SQL.
create function private.request_function(p_name text, p_body jsonb default '{}'::jsonb) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_url text;
  v_key text;
begin
  if p_name is null or p_name !~ '^[a-z0-9][a-z0-9-]{0,62}$' then
    raise exception 'invalid_function_name' using errcode = '22023', detail = pg_catalog.format('%L is not an Edge Function name.', p_name);
  end if;
  if exists (select 1 from pg_catalog.pg_extension e where e.extname = 'pg_net')
    and pg_catalog.to_regclass('vault.decrypted_secrets') is not null then
    execute 'select s.decrypted_secret from vault.decrypted_secrets s where s.name = $1 limit 1' into v_url using 'project_url';
    execute 'select s.decrypted_secret from vault.decrypted_secrets s where s.name = $1 limit 1' into v_key using 'service_role_key';
    if v_url is not null and v_key is not null then
      execute 'select net.http_post(url := $1, body := $2, headers := $3)'
        using pg_catalog.rtrim(v_url, '/') || '/functions/v1/' || p_name,
              coalesce(p_body, '{}'::jsonb),
              pg_catalog.jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || v_key);
      return;
    end if;
  end if;
  perform pg_catalog.pg_notify(
    'arqan_functions',
    pg_catalog.jsonb_build_object('name', p_name, 'body', coalesce(p_body, '{}'::jsonb))::text
  );
end
$$;
comment on function private.request_function(text, jsonb) is
  'Wakes an Edge Function after commit: pg_net POST to <Vault project_url>/functions/v1/<name> with the Vault service_role_key where both exist, else pg_notify(''arqan_functions'', {name, body}) for the local stack.';

revoke all on function private.fold_case(text) from public;
revoke all on function public.search_leads(uuid, public.lead_status[], public.platform[], uuid, integer, integer, text, text, integer, integer) from public, anon;
revoke all on function private.lead_for_operator(uuid) from public;
revoke all on function private.take_over_conversations(public.leads, uuid) from public;
revoke all on function public.take_over_lead(uuid) from public, anon;
revoke all on function public.hand_back_lead(uuid) from public, anon;
revoke all on function public.send_operator_reply(uuid, text, text) from public, anon;
revoke all on function public.override_lead_status(uuid, public.lead_status, text) from public, anon;
revoke all on function private.request_function(text, jsonb) from public;
-- search_leads runs as its caller and folds names with private.fold_case().
grant execute on function private.fold_case(text) to authenticated, service_role;
grant execute on function public.search_leads(uuid, public.lead_status[], public.platform[], uuid, integer, integer, text, text, integer, integer) to authenticated, service_role;
grant execute on function public.take_over_lead(uuid) to authenticated, service_role;
grant execute on function public.hand_back_lead(uuid) to authenticated, service_role;
grant execute on function public.send_operator_reply(uuid, text, text) to authenticated, service_role;
grant execute on function public.override_lead_status(uuid, public.lead_status, text) to authenticated, service_role;
grant execute on function private.request_function(text, jsonb) to service_role;

-- The messaging sweep: every minute, finish what a crashed instance left (unprocessed inbound messages, outbound
-- messages due for retry, expired leases).
insert into private.schedules (name, cron, command, description) values (
  'messaging-sweep',
  '* * * * *',
  'select private.request_function(''messaging-sweep'')',
  'Every minute: wake the messaging-sweep Edge Function, which qualifies inbound messages left unprocessed, sends outbound messages due (retries included) and turns expired send leases into uncertain ones.'
);
