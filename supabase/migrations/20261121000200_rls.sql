-- Who may do what (docs/data-model.md, "Roles and access"):
--   anon                      nothing (no privilege on any table);
--   viewer                    reads everything of their workspace;
--   operator                  + writes niches, campaigns, ads, leads, identities, conversations, messages (as
--                             themselves or unattributed), research;
--   admin                     + manages clients, client members, workspace members (not owners), deletes leads;
--   owner                     + renames/deletes the workspace, manages owners;
--   a client's sales member   reads their client's row and, through client_leads(), the leads handed off to it;
--   a member of another workspace sees nothing of this one; service_role bypasses RLS.
--
-- Policies ask the helpers below, which read workspace_members as their owner (security definer), so a policy on
-- workspace_members never recurses into itself. A policy writes `workspace_id in (select private.…)`: the set of
-- the caller's workspaces is computed once per statement, not once per row.

-- Helpers -----------------------------------------------------------------------------------------------------------

-- The caller's role in a workspace, or null when they are not a member (or not signed in).
create function private.workspace_role_of(p_workspace_id uuid) returns public.workspace_role
language sql
stable
security definer
set search_path = ''
as $$
  select m.role
  from public.workspace_members m
  where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid())
$$;
comment on function private.workspace_role_of(uuid) is
  'The signed-in caller''s role in the workspace, or null when they are not a member.';

-- Whether the caller holds at least p_min_role in the workspace (roles are ordered owner < admin < operator < viewer).
create function private.has_workspace_role(p_workspace_id uuid, p_min_role public.workspace_role) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(private.workspace_role_of(p_workspace_id) <= p_min_role, false)
$$;
comment on function private.has_workspace_role(uuid, public.workspace_role) is
  'True when the signed-in caller holds at least p_min_role (owner > admin > operator > viewer) in the workspace.';

-- The workspaces in which the caller holds at least p_min_role: what policies compare workspace_id against.
create function private.workspaces_with_role(p_min_role public.workspace_role) returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 10
as $$
  select m.workspace_id
  from public.workspace_members m
  where m.user_id = (select auth.uid()) and m.role <= p_min_role
$$;
comment on function private.workspaces_with_role(public.workspace_role) is
  'The ids of the workspaces in which the signed-in caller holds at least p_min_role.';

-- Whether the caller is one of the client's sales people.
create function private.is_client_member(p_client_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.client_members cm
    where cm.client_id = p_client_id and cm.user_id = (select auth.uid())
  )
$$;
comment on function private.is_client_member(uuid) is 'True when the signed-in caller is a sales member of the client.';

-- The clients whose sales people include the caller.
create function private.clients_of_caller() returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 5
as $$
  select cm.client_id from public.client_members cm where cm.user_id = (select auth.uid())
$$;
comment on function private.clients_of_caller() is 'The ids of the clients of which the signed-in caller is a sales member.';

revoke all on function private.workspace_role_of(uuid) from public;
revoke all on function private.has_workspace_role(uuid, public.workspace_role) from public;
revoke all on function private.workspaces_with_role(public.workspace_role) from public;
revoke all on function private.is_client_member(uuid) from public;
revoke all on function private.clients_of_caller() from public;
grant execute on function private.workspace_role_of(uuid) to authenticated;
grant execute on function private.has_workspace_role(uuid, public.workspace_role) to authenticated;
grant execute on function private.workspaces_with_role(public.workspace_role) to authenticated;
grant execute on function private.is_client_member(uuid) to authenticated;
grant execute on function private.clients_of_caller() to authenticated;

-- workspaces --------------------------------------------------------------------------------------------------------
-- Created only through create_workspace() (which makes the caller its owner): no insert policy.

create policy "Members read their workspaces" on public.workspaces
  for select to authenticated
  using (id in (select private.workspaces_with_role('viewer')));

create policy "Owners rename their workspaces" on public.workspaces
  for update to authenticated
  using (id in (select private.workspaces_with_role('owner')))
  with check (id in (select private.workspaces_with_role('owner')));

create policy "Owners delete their workspaces" on public.workspaces
  for delete to authenticated
  using (id in (select private.workspaces_with_role('owner')));

-- workspace_members -------------------------------------------------------------------------------------------------
-- Admins manage every member but owners; only owners add, change or remove owners. Anyone may leave.

create policy "Members read the members of their workspace" on public.workspace_members
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

create policy "Admins add members, owners add owners" on public.workspace_members
  for insert to authenticated
  with check (
    workspace_id in (select private.workspaces_with_role('admin'))
    and (role <> 'owner' or workspace_id in (select private.workspaces_with_role('owner')))
  );

create policy "Admins change members' roles, owners change owners' roles" on public.workspace_members
  for update to authenticated
  using (
    workspace_id in (select private.workspaces_with_role('admin'))
    and (role <> 'owner' or workspace_id in (select private.workspaces_with_role('owner')))
  )
  with check (
    workspace_id in (select private.workspaces_with_role('admin'))
    and (role <> 'owner' or workspace_id in (select private.workspaces_with_role('owner')))
  );

create policy "Admins remove members, owners remove owners, anyone leaves" on public.workspace_members
  for delete to authenticated
  using (
    user_id = (select auth.uid())
    or (
      workspace_id in (select private.workspaces_with_role('admin'))
      and (role <> 'owner' or workspace_id in (select private.workspaces_with_role('owner')))
    )
  );

-- clients -----------------------------------------------------------------------------------------------------------

create policy "Members read clients of their workspace, sales people their own client" on public.clients
  for select to authenticated
  using (
    workspace_id in (select private.workspaces_with_role('viewer'))
    or id in (select private.clients_of_caller())
  );

create policy "Admins add clients to their workspace" on public.clients
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('admin')));

create policy "Admins update clients of their workspace" on public.clients
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')))
  with check (workspace_id in (select private.workspaces_with_role('admin')));

create policy "Admins delete clients of their workspace" on public.clients
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')));

-- client_members ----------------------------------------------------------------------------------------------------

create policy "Members read client members of their workspace, sales people their own membership"
  on public.client_members
  for select to authenticated
  using (
    workspace_id in (select private.workspaces_with_role('viewer'))
    or user_id = (select auth.uid())
  );

create policy "Admins add client members in their workspace" on public.client_members
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('admin')));

create policy "Admins update client members in their workspace" on public.client_members
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')))
  with check (workspace_id in (select private.workspaces_with_role('admin')));

create policy "Admins remove client members in their workspace" on public.client_members
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')));

-- The pipeline: members read it, operators write it ------------------------------------------------------------------

create policy "Members read niches of their workspace" on public.niches
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add niches to their workspace" on public.niches
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update niches of their workspace" on public.niches
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete niches of their workspace" on public.niches
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

create policy "Members read campaigns of their workspace" on public.campaigns
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add campaigns to their workspace" on public.campaigns
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update campaigns of their workspace" on public.campaigns
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete campaigns of their workspace" on public.campaigns
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

create policy "Members read ads of their workspace" on public.ads
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add ads to their workspace" on public.ads
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update ads of their workspace" on public.ads
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete ads of their workspace" on public.ads
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

-- A client's sales people are not members: they read no lead rows here, only client_leads().
create policy "Members read leads of their workspace" on public.leads
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add leads to their workspace" on public.leads
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update leads of their workspace" on public.leads
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Admins delete leads of their workspace" on public.leads
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')));

create policy "Members read lead identities of their workspace" on public.lead_identities
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add lead identities to their workspace" on public.lead_identities
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update lead identities of their workspace" on public.lead_identities
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete lead identities of their workspace" on public.lead_identities
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

create policy "Members read conversations of their workspace" on public.conversations
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add conversations to their workspace" on public.conversations
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update conversations of their workspace" on public.conversations
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete conversations of their workspace" on public.conversations
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

create policy "Members read messages of their workspace" on public.messages
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
-- A message an operator writes is theirs or nobody's: sender_user_id is never another user.
create policy "Operators add messages to their workspace" on public.messages
  for insert to authenticated
  with check (
    workspace_id in (select private.workspaces_with_role('operator'))
    and (sender_user_id is null or sender_user_id = (select auth.uid()))
  );
create policy "Operators update messages of their workspace" on public.messages
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (
    workspace_id in (select private.workspaces_with_role('operator'))
    and (sender_user_id is null or sender_user_id = (select auth.uid()))
  );
create policy "Operators delete messages of their workspace" on public.messages
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

create policy "Members read market research of their workspace" on public.market_research
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add market research to their workspace" on public.market_research
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update market research of their workspace" on public.market_research
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete market research of their workspace" on public.market_research
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

-- Read-only to members: written by triggers and by the rollup ---------------------------------------------------------

create policy "Members read events of their workspace" on public.events
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

create policy "Members read daily campaign stats of their workspace" on public.campaign_daily_stats
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
