-- The RPCs the dashboard and the workers call (POST /rest/v1/rpc/<name>). Each is executable by authenticated and
-- service_role only, granted explicitly; anon may call none.

-- Creates a workspace and makes the caller its owner, in one step: a workspace never exists without an owner.
create function public.create_workspace(p_name text, p_slug text) returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_workspace_id uuid;
begin
  if v_user is null then
    raise exception 'Sign in to create a workspace' using errcode = '42501';
  end if;
  insert into public.workspaces (name, slug)
  values (pg_catalog.btrim(p_name), pg_catalog.lower(pg_catalog.btrim(p_slug)))
  returning id into v_workspace_id;
  insert into public.workspace_members (workspace_id, user_id, role) values (v_workspace_id, v_user, 'owner');
  return v_workspace_id;
end
$$;
comment on function public.create_workspace(text, text) is
  'Creates a workspace (name trimmed, slug lower-cased; slug unique) and makes the signed-in caller its owner. Returns its id.';

-- The caller's workspaces and their role in each, by name: what the workspace switcher lists.
create function public.my_workspaces()
returns table (id uuid, name text, slug text, role public.workspace_role)
language sql
stable
security invoker
set search_path = ''
as $$
  select w.id, w.name, w.slug, m.role
  from public.workspace_members m
  join public.workspaces w on w.id = m.workspace_id
  where m.user_id = (select auth.uid())
  order by w.name, w.id
$$;
comment on function public.my_workspaces() is
  'The workspaces the signed-in caller belongs to, with their role in each, ordered by name.';

-- The newest leads of a workspace. Security invoker: RLS decides, so a non-member gets no rows.
create function public.list_recent_leads(p_workspace_id uuid, p_limit integer default 50)
returns setof public.leads
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'p_limit must be between 1 and 1000, got %', p_limit using errcode = '22023';
  end if;
  return query
    select l.*
    from public.leads l
    where l.workspace_id = p_workspace_id
    order by l.created_at desc, l.id desc
    limit p_limit;
end
$$;
comment on function public.list_recent_leads(uuid, integer) is
  'The workspace''s newest leads (at most p_limit, 1..1000), newest first, as the caller''s RLS lets them see.';

-- What a client's sales people see: the leads handed off to their client(s), with only the columns a buyer needs.
create function public.client_leads()
returns table (
  id uuid,
  name text,
  phone text,
  language text,
  score smallint,
  qualification_summary text,
  handed_off_at timestamptz,
  campaign_name text,
  client_id uuid,
  client_name text
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    l.id,
    l.name,
    l.phone,
    l.language,
    l.score,
    l.qualification ->> 'summary',
    l.handed_off_at,
    c.name,
    cl.id,
    cl.name
  from public.client_members cm
  join public.clients cl on cl.id = cm.client_id
  join public.leads l on l.workspace_id = cl.workspace_id and l.client_id = cl.id
  left join public.campaigns c on c.workspace_id = l.workspace_id and c.id = l.campaign_id
  where cm.user_id = (select auth.uid())
    and l.status in ('handed_off', 'closed')
    and l.handed_off_at is not null
  order by l.handed_off_at desc, l.id
$$;
comment on function public.client_leads() is
  'For a client''s sales people: the leads handed off to their client(s) (still handed off or since closed), newest hand-off first, with only what a buyer needs: name, phone, language, score, qualification summary, hand-off time, campaign and client name.';

-- Hands a lead to a client of the same workspace: status handed_off, the client, the time; the audit trigger
-- records the event. Operators and above may do it; server roles (service_role, direct connections) act as the
-- system. Handing a lead again to the client it already has changes nothing.
create function public.hand_off_lead(p_lead_id uuid, p_client_id uuid)
returns public.leads
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_lead public.leads;
  v_client_workspace_id uuid;
begin
  select l.* into v_lead from public.leads l where l.id = p_lead_id;
  if not found then
    raise exception 'Lead % not found in your workspaces', p_lead_id using errcode = 'P0002';
  end if;
  if current_user in ('authenticated', 'anon') then
    if not private.has_workspace_role(v_lead.workspace_id, 'operator') then
      raise exception 'Only operators, admins and owners of the workspace hand off leads' using errcode = '42501';
    end if;
  end if;
  select c.workspace_id into v_client_workspace_id from public.clients c where c.id = p_client_id;
  if v_client_workspace_id is distinct from v_lead.workspace_id then
    raise exception 'Client % is not a client of the lead''s workspace', p_client_id using errcode = 'P0002';
  end if;
  if v_lead.status = 'closed' then
    raise exception 'Lead % is closed; reopen it before handing it off', p_lead_id using errcode = '55000';
  end if;
  if v_lead.status = 'handed_off' and v_lead.client_id = p_client_id then
    return v_lead;
  end if;
  update public.leads l
  set status = 'handed_off', client_id = p_client_id, handed_off_at = pg_catalog.now()
  where l.id = p_lead_id
  returning l.* into v_lead;
  if not found then
    raise exception 'Lead % could not be updated by you', p_lead_id using errcode = '42501';
  end if;
  return v_lead;
end
$$;
comment on function public.hand_off_lead(uuid, uuid) is
  'Hands a lead to a client of its own workspace (status handed_off, client, time; an event is recorded). Operators and above; a closed lead must be reopened first; repeating a hand-off to the same client changes nothing.';

revoke all on function public.create_workspace(text, text) from public, anon;
revoke all on function public.my_workspaces() from public, anon;
revoke all on function public.list_recent_leads(uuid, integer) from public, anon;
revoke all on function public.client_leads() from public, anon;
revoke all on function public.hand_off_lead(uuid, uuid) from public, anon;
grant execute on function public.create_workspace(text, text) to authenticated, service_role;
grant execute on function public.my_workspaces() to authenticated, service_role;
grant execute on function public.list_recent_leads(uuid, integer) to authenticated, service_role;
grant execute on function public.client_leads() to authenticated, service_role;
grant execute on function public.hand_off_lead(uuid, uuid) to authenticated, service_role;
