-- A few cells of the RLS matrix (the full matrix is tests/db/rlsMatrix.test.ts), run as PostgREST runs requests:
-- `role` and `request.jwt.claims` set for the statement, which is always undone afterwards.
begin;
set local search_path = extensions, public;

select plan(16);

-- Runs p_sql as p_role (with p_user as the JWT subject, if any) and undoes it. Answers 'rows:<n>' (rows returned or
-- touched) or 'error:<SQLSTATE>'. pgTAP itself keeps running as the test's own role.
create function pg_temp.try_as(p_role text, p_user uuid, p_sql text) returns text
language plpgsql
as $$
declare
  v_rows bigint;
  v_answer text;
begin
  begin
    perform set_config('role', p_role, true);
    perform set_config(
      'request.jwt.claims',
      case when p_user is null then json_build_object('role', p_role) else json_build_object('sub', p_user, 'role', p_role) end::text,
      true
    );
    execute p_sql;
    get diagnostics v_rows = row_count;
    v_answer := 'rows:' || v_rows;
    raise exception using errcode = 'ZX999'; -- undo the statement and the role switch
  exception
    when sqlstate 'ZX999' then
      return v_answer;
    when others then
      return 'error:' || sqlstate;
  end;
end
$$;

-- The cast: workspace A (owner, operator, viewer, a client with a sales person, a handed-off lead) and
-- workspace B, whose owner is a stranger to A.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000001', 'owner@pgtap.test'),
  ('00000000-0000-4000-8000-000000000002', 'operator@pgtap.test'),
  ('00000000-0000-4000-8000-000000000003', 'viewer@pgtap.test'),
  ('00000000-0000-4000-8000-000000000004', 'sales@pgtap.test'),
  ('00000000-0000-4000-8000-000000000005', 'stranger@pgtap.test');
insert into public.workspaces (id, name, slug) values
  ('0000000a-0000-4000-8000-000000000000', 'A', 'pgtap-a'),
  ('0000000b-0000-4000-8000-000000000000', 'B', 'pgtap-b');
insert into public.workspace_members (workspace_id, user_id, role) values
  ('0000000a-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001', 'owner'),
  ('0000000a-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000002', 'operator'),
  ('0000000a-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000003', 'viewer'),
  ('0000000b-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000005', 'owner');
insert into public.clients (id, workspace_id, name) values
  ('000000c1-0000-4000-8000-000000000000', '0000000a-0000-4000-8000-000000000000', 'Client A1');
insert into public.client_members (client_id, user_id, workspace_id) values
  ('000000c1-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000004', '0000000a-0000-4000-8000-000000000000');
insert into public.leads (id, workspace_id, source_platform, name, phone, status, score, client_id) values
  ('0000001e-0000-4000-8000-000000000000', '0000000a-0000-4000-8000-000000000000', 'telegram', 'Айгерим',
   '+77011234567', 'handed_off', 80, '000000c1-0000-4000-8000-000000000000');

select is(
  pg_temp.try_as('anon', null, $$select 1 from public.leads$$),
  'error:42501', 'anon reads no leads'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000003', $$select 1 from public.leads$$),
  'rows:1', 'a viewer reads the leads of their workspace'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000003',
    $$insert into public.leads (workspace_id, source_platform) values ('0000000a-0000-4000-8000-000000000000', 'manual')$$),
  'error:42501', 'a viewer adds no lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000003',
    $$update public.leads set score = 10$$),
  'rows:0', 'a viewer updates no lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000002',
    $$insert into public.leads (workspace_id, source_platform) values ('0000000a-0000-4000-8000-000000000000', 'manual')$$),
  'rows:1', 'an operator adds a lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000002', $$update public.leads set score = 90$$),
  'rows:1', 'an operator updates a lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000002', $$delete from public.leads$$),
  'rows:0', 'an operator deletes no lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000001', $$delete from public.leads$$),
  'rows:1', 'an owner deletes a lead'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000005', $$select 1 from public.leads$$),
  'rows:0', 'a member of another workspace reads none of its leads'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000005',
    $$update public.workspaces set name = 'Taken over' where id = '0000000a-0000-4000-8000-000000000000'$$),
  'rows:0', 'the owner of another workspace cannot rename this one'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000004', $$select 1 from public.leads$$),
  'rows:0', 'a sales person reads no lead rows'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000004', $$select 1 from public.client_leads()$$),
  'rows:1', 'a sales person gets the lead handed off to their client through client_leads()'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000004', $$select 1 from public.clients$$),
  'rows:1', 'a sales person reads their own client'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000002', $$select 1 from public.events$$),
  'rows:1', 'members read the audit trail of their workspace (the lead''s creation)'
);
select is(
  pg_temp.try_as('service_role', null, $$delete from public.events$$),
  'error:23001', 'events stay append-only even for service_role'
);
select is(
  pg_temp.try_as('authenticated', '00000000-0000-4000-8000-000000000002',
    $$insert into public.workspace_members (workspace_id, user_id, role)
      values ('0000000a-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000004', 'viewer')$$),
  'error:42501', 'an operator adds no workspace member'
);

select * from finish();
rollback;
