-- The shape of the data model: every public table exists, has RLS enabled, is closed to anon, and carries the
-- policies docs/data-model.md describes; the helpers are private and pinned; leads and messages are published.
-- Run with `supabase test db --remote=<url>` (the CLI enables pgtap in schema `extensions`).
begin;
set local search_path = extensions, public;

select plan(89);

-- Every table exists, RLS is on, anon holds no privilege --------------------------------------------------------------
select has_table('public', t, format('table public.%s exists', t))
from unnest(array[
  'workspaces', 'workspace_members', 'clients', 'client_members', 'niches', 'campaigns', 'ads', 'leads',
  'lead_identities', 'conversations', 'messages', 'market_research', 'events', 'campaign_daily_stats',
  'channels', 'tracking_codes', 'qualification_scripts', 'outbound_messages', 'parser_tasks', 'parsed_sites',
  'parsed_products'
]) as t;

select tables_are('public', array[
  'workspaces', 'workspace_members', 'clients', 'client_members', 'niches', 'campaigns', 'ads', 'leads',
  'lead_identities', 'conversations', 'messages', 'market_research', 'events', 'campaign_daily_stats',
  'channels', 'tracking_codes', 'qualification_scripts', 'outbound_messages', 'parser_tasks', 'parsed_sites',
  'parsed_products'
], 'public holds exactly the tables of the data model');

select ok(c.relrowsecurity, format('RLS is enabled on public.%s', c.relname))
from pg_catalog.pg_class c
where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
order by c.relname;

select ok(
  not has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger'),
  format('anon holds no privilege on public.%s', c.relname)
)
from pg_catalog.pg_class c
where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
order by c.relname;

-- Policies ---------------------------------------------------------------------------------------------------------------
select policies_are('public', 'workspaces', array[
  'Members read their workspaces', 'Owners rename their workspaces', 'Owners delete their workspaces'
]);
select policies_are('public', 'workspace_members', array[
  'Members read the members of their workspace', 'Admins add members, owners add owners',
  'Admins change members'' roles, owners change owners'' roles',
  'Admins remove members, owners remove owners, anyone leaves'
]);
select policies_are('public', 'clients', array[
  'Members read clients of their workspace, sales people their own client', 'Admins add clients to their workspace',
  'Admins update clients of their workspace', 'Admins delete clients of their workspace'
]);
select policies_are('public', 'client_members', array[
  'Members read client members of their workspace, sales people their own membership',
  'Admins add client members in their workspace', 'Admins update client members in their workspace',
  'Admins remove client members in their workspace'
]);
select policies_are('public', 'leads', array[
  'Members read leads of their workspace', 'Operators add leads to their workspace',
  'Operators update leads of their workspace', 'Admins delete leads of their workspace'
]);
select policies_are('public', t, array[
  format('Members read %s of their workspace', label), format('Operators add %s to their workspace', label),
  format('Operators update %s of their workspace', label), format('Operators delete %s of their workspace', label)
])
from (values
  ('niches', 'niches'), ('campaigns', 'campaigns'), ('ads', 'ads'), ('lead_identities', 'lead identities'),
  ('conversations', 'conversations'), ('messages', 'messages'), ('market_research', 'market research')
) as v(t, label);
select policies_are('public', 'events', array['Members read events of their workspace']);
select policies_are('public', 'campaign_daily_stats', array['Members read daily campaign stats of their workspace']);

select policy_roles_are('public', 'leads', 'Members read leads of their workspace', array['authenticated'],
  'leads are read by signed-in users only');
select policy_cmd_is('public', 'leads', 'Admins delete leads of their workspace', 'delete',
  'deleting leads has a policy of its own');

-- Helpers and RPCs -----------------------------------------------------------------------------------------------------
select is_definer('private', 'has_workspace_role', array['uuid', 'workspace_role'], 'private.has_workspace_role is security definer');
select is_definer('public', 'client_leads', array[]::text[], 'client_leads() is security definer');
select isnt_definer('public', 'list_recent_leads', array['uuid', 'integer'], 'list_recent_leads() lets RLS decide');
select ok(
  not has_schema_privilege('anon', 'private', 'usage'),
  'anon cannot use schema private'
);
select ok(
  not exists (
    select 1 from pg_catalog.pg_proc p
    where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
      and not exists (select 1 from unnest(p.proconfig) as c where c like 'search_path=%')
  ),
  'every function in public and private pins its search_path'
);
select ok(
  not exists (
    select 1 from pg_catalog.pg_proc p
    where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
      and has_function_privilege('anon', p.oid, 'execute')
  ),
  'anon may execute no function of public or private'
);

-- Realtime and schedules -------------------------------------------------------------------------------------------------
select set_eq(
  $$select tablename::text from pg_catalog.pg_publication_tables where pubname = 'supabase_realtime'$$,
  array['leads', 'messages', 'conversations', 'outbound_messages', 'parser_tasks'],
  'supabase_realtime publishes exactly leads, messages, conversations, outbound_messages and parser_tasks'
);
select is(
  (select count(*)::int from private.schedules where name = 'rollup-campaign-daily-stats'),
  1,
  'the daily rollup is registered'
);
create function pg_temp.cron_jobs_named(p_name text) returns integer
language plpgsql
as $$
declare
  v_count integer;
begin
  execute 'select count(*)::int from cron.job where jobname = $1' into v_count using p_name;
  return v_count;
end
$$;
select case
  when exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron')
    then is(pg_temp.cron_jobs_named('rollup-campaign-daily-stats'), 1, 'pg_cron runs the registered rollup')
  else pass('pg_cron is absent here: the local stack runs the registry')
end;

select * from finish();
rollback;
