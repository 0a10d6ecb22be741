-- Market research (docs/data-model.md, "Market research"): the three tables exist with RLS and only a members' read
-- policy, signed-in users read but never write them, the worker's functions are service_role's alone, the RPCs are
-- open to signed-in users but not anon, tasks stream through Realtime, and a task is queued once per key and claimed
-- by one worker.
begin;
set local search_path = extensions, public;

select plan(42);

-- Tables, RLS, policies, privileges --------------------------------------------------------------------------------------
select has_table('public', t, format('table public.%s exists', t))
from unnest(array['parser_tasks', 'parsed_sites', 'parsed_products']) as t;

select ok(c.relrowsecurity, format('RLS is enabled on %s', c.oid::regclass))
from pg_catalog.pg_class c
where c.oid in ('public.parser_tasks'::regclass, 'public.parsed_sites'::regclass, 'public.parsed_products'::regclass)
order by c.oid::regclass::text;

select policies_are('public', t, array[format('Members read %s of their workspace', label)])
from (values
  ('parser_tasks', 'parser tasks'), ('parsed_sites', 'parsed sites'), ('parsed_products', 'parsed products')
) as v(t, label);

select ok(
  has_table_privilege('authenticated', t, 'select')
    and not has_table_privilege('authenticated', t, 'insert, update, delete, truncate')
    and not has_table_privilege('anon', t, 'select, insert, update, delete, truncate, references, trigger'),
  format('signed-in users only read %s, anon not even that', t)
)
from unnest(array['public.parser_tasks', 'public.parsed_sites', 'public.parsed_products']) as t;

select fk_ok('public', 'parsed_sites', array['workspace_id', 'task_id'], 'public', 'parser_tasks', array['workspace_id', 'id'],
  'a page belongs to a task of its own workspace');
select fk_ok('public', 'parsed_products', array['workspace_id', 'parsed_site_id'], 'public', 'parsed_sites', array['workspace_id', 'id'],
  'a product belongs to a page of its own workspace');

-- The worker's functions: service_role only, security definer, search_path pinned ---------------------------------------
create temporary table worker_functions (signature text) on commit drop;
insert into worker_functions values
  ('private.claim_parser_task(text, interval)'),
  ('private.expire_parser_tasks()'),
  ('private.report_parser_progress(uuid, text, integer, integer, integer, integer, text, interval)'),
  ('private.record_parsed_page(uuid, text, jsonb)'),
  ('private.complete_parser_task(uuid, text, text, jsonb, jsonb)'),
  ('private.fail_parser_task(uuid, text, jsonb, boolean)');

select ok(
  has_function_privilege('service_role', s.signature, 'execute')
    and not has_function_privilege('authenticated', s.signature, 'execute')
    and not has_function_privilege('anon', s.signature, 'execute'),
  format('%s is executable by service_role only', s.signature)
)
from worker_functions s
order by s.signature;

select ok(
  p.prosecdef and exists (select 1 from unnest(p.proconfig) as c where c = 'search_path=""'),
  format('%s is security definer with an empty search_path', s.signature)
)
from worker_functions s
join pg_catalog.pg_proc p on p.oid = s.signature::regprocedure
order by s.signature;

-- The RPCs: signed-in users and service_role, never anon -----------------------------------------------------------------
select ok(
  has_function_privilege('authenticated', r, 'execute')
    and has_function_privilege('service_role', r, 'execute')
    and not has_function_privilege('anon', r, 'execute'),
  format('%s is executable by signed-in users, not anon', r)
)
from unnest(array[
  'public.create_parser_task(uuid, text, jsonb, text, uuid)',
  'public.cancel_parser_task(uuid)',
  'public.parser_task_summary(uuid)'
]) as r;
select is_definer('public', 'create_parser_task', array['uuid', 'text', 'jsonb', 'text', 'uuid'],
  'create_parser_task() writes the task for the operator it checked');
select isnt_definer('public', 'parser_task_summary', array['uuid'], 'parser_task_summary() lets RLS decide');

-- Realtime -----------------------------------------------------------------------------------------------------------------
select ok(
  exists (select 1 from pg_catalog.pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'parser_tasks'),
  'supabase_realtime publishes parser_tasks'
);
select is((select relreplident::text from pg_catalog.pg_class where oid = 'public.parser_tasks'::regclass), 'f',
  'parser_tasks updates carry the whole old row');

-- A task is queued once per key, and one worker gets it ------------------------------------------------------------------
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-0000000000d1', 'research-operator@pgtap.test'),
  ('00000000-0000-4000-8000-0000000000d2', 'research-viewer@pgtap.test');
insert into public.workspaces (id, name, slug) values ('0000000d-0000-4000-8000-000000000000', 'Research', 'pgtap-research');
insert into public.workspace_members (workspace_id, user_id, role) values
  ('0000000d-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000d1', 'operator'),
  ('0000000d-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000d2', 'viewer');
-- Nothing else in the queue: the claim below must find this test's task.
update public.parser_tasks set status = 'cancelled', finished_at = now(), locked_by = null, locked_until = null
where status in ('queued', 'running');

-- Runs p_sql as the signed-in user p_user and answers its one value, or 'error:<SQLSTATE>:<message>'. Changes stay;
-- the role is switched back afterwards, so pgTAP keeps running as the test's own role.
create function pg_temp.as_user(p_user uuid, p_sql text) returns text
language plpgsql
as $$
declare
  v_answer text;
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims', json_build_object('sub', p_user, 'role', 'authenticated')::text, true);
  begin
    execute p_sql into v_answer;
  exception when others then
    v_answer := 'error:' || sqlstate || ':' || sqlerrm;
  end;
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
  return v_answer;
end
$$;

create temporary table research (first_id uuid, again_id uuid, claimed_id uuid, second_claim integer) on commit drop;
insert into research default values;
update research set first_id = pg_temp.as_user('00000000-0000-4000-8000-0000000000d1', $$
  select id from public.create_parser_task(
    '0000000d-0000-4000-8000-000000000000', 'niche', '{"query": "кондиционер", "city": "Алматы"}', 'pgtap-1'
  )$$)::uuid;
update research set again_id = pg_temp.as_user('00000000-0000-4000-8000-0000000000d1', $$
  select id from public.create_parser_task(
    '0000000d-0000-4000-8000-000000000000', 'niche', '{"query": "кондиционер", "city": "Алматы"}', 'pgtap-1'
  )$$)::uuid;
select is(
  pg_temp.as_user('00000000-0000-4000-8000-0000000000d1', $$
    select id from public.create_parser_task('0000000d-0000-4000-8000-000000000000', 'parse', '{"urls": ["olx.kz"]}')$$),
  'error:22023:invalid_url',
  'a URL without http(s) is refused'
);
select is(
  pg_temp.as_user('00000000-0000-4000-8000-0000000000d2', $$
    select id from public.create_parser_task('0000000d-0000-4000-8000-000000000000', 'parse', '{"urls": ["https://olx.kz/"]}')$$),
  'error:42501:operator_role_required',
  'a viewer queues no task'
);

select is((select again_id from research), (select first_id from research), 'the same key returns the same task');
select is(
  (select count(*)::int from public.parser_tasks where workspace_id = '0000000d-0000-4000-8000-000000000000'),
  1,
  'the task is queued once'
);
select is(
  (select n.name from public.niches n join public.parser_tasks t on t.niche_id = n.id
   where t.id = (select first_id from research)),
  'кондиционер, Алматы',
  'a niche task gets a niche named after its query and city'
);

update research set claimed_id = (select id from private.claim_parser_task('pgtap-worker'));
update research set second_claim = (select count(*)::int from private.claim_parser_task('pgtap-other'));
select is((select claimed_id from research), (select first_id from research), 'a worker claims the task');
select is((select second_claim from research), 0, 'another worker finds nothing to claim');
select is(
  (select status || ' ' || attempts || ' ' || locked_by from public.parser_tasks where id = (select first_id from research)),
  'running 1 pgtap-worker',
  'the claimed task runs under the worker''s lease'
);
select ok(
  not private.report_parser_progress((select first_id from research), 'pgtap-other', 1, 0, 0, 0),
  'a worker that does not hold the task cannot report on it'
);

select * from finish();
rollback;
