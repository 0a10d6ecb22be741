-- The audit trail: every status change of niches, campaigns, ads and leads, and every lead hand-off, is appended to
-- public.events with who did it; nothing ever rewrites or removes an event.

-- Records a row's creation and each change of its status (and a lead's hand-off) as an event. The actor is the
-- signed-in user (auth.uid()) or, without one, the system; a worker acting as the bot says so with
-- `set local arqan.actor_kind = 'bot'`. Runs as its owner so that members without insert rights on events still
-- leave their trace.
create function private.record_status_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_entity_type text := tg_argv[0];
  v_new jsonb := pg_catalog.to_jsonb(new);
  v_old jsonb := case when tg_op = 'UPDATE' then pg_catalog.to_jsonb(old) end;
  v_actor uuid := auth.uid();
  v_actor_kind text;
  v_action text;
  v_details jsonb := '{}'::jsonb;
begin
  if tg_op = 'INSERT' then
    v_action := 'created';
  elsif v_entity_type = 'lead' and v_new ->> 'status' = 'handed_off'
    and (v_old ->> 'status' is distinct from 'handed_off' or v_old ->> 'client_id' is distinct from v_new ->> 'client_id') then
    v_action := 'handed_off';
  elsif v_old ->> 'status' is distinct from v_new ->> 'status' then
    v_action := 'status_changed';
  else
    return null;
  end if;
  if v_entity_type = 'lead' and v_new ->> 'status' = 'handed_off' then
    v_details := pg_catalog.jsonb_build_object('client_id', v_new -> 'client_id');
  end if;
  -- A signed-in user is always recorded as such; only server-side work may name itself the bot.
  v_actor_kind := case
    when v_actor is not null then 'user'
    when pg_catalog.current_setting('arqan.actor_kind', true) = 'bot' then 'bot'
    else 'system'
  end;
  insert into public.events (workspace_id, actor_user_id, actor_kind, entity_type, entity_id, action, from_status, to_status, details)
  values (
    (v_new ->> 'workspace_id')::uuid,
    v_actor,
    v_actor_kind,
    v_entity_type,
    (v_new ->> 'id')::uuid,
    v_action,
    v_old ->> 'status',
    v_new ->> 'status',
    v_details
  );
  return null;
end
$$;
comment on function private.record_status_change() is
  'Appends an event for the creation of a niche, campaign, ad or lead, for each change of its status, and for each lead hand-off (with the client), naming the actor: the signed-in user, else the system (or the bot when a server-side caller sets arqan.actor_kind = ''bot'').';
revoke all on function private.record_status_change() from public;

create trigger niches_record_status_change after insert or update of status on public.niches
  for each row execute function private.record_status_change('niche');
create trigger campaigns_record_status_change after insert or update of status on public.campaigns
  for each row execute function private.record_status_change('campaign');
create trigger ads_record_status_change after insert or update of status on public.ads
  for each row execute function private.record_status_change('ad');
create trigger leads_record_status_change after insert or update of status, client_id on public.leads
  for each row execute function private.record_status_change('lead');

-- Keeps events append-only for every role, service_role and superusers included: an update, delete or truncate is
-- refused. The one exception is the cascade from deleting the workspace itself, whose audit goes with it.
create function private.keep_events_append_only() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
    return old;
  end if;
  raise exception 'events are append-only: % is not allowed; record a new event instead', pg_catalog.lower(tg_op)
    using errcode = 'restrict_violation';
end
$$;
comment on function private.keep_events_append_only() is
  'Refuses every update, delete and truncate of events (append-only audit), except the deletion of a deleted workspace''s events.';
revoke all on function private.keep_events_append_only() from public;

create trigger events_append_only before update or delete on public.events
  for each row execute function private.keep_events_append_only();
create trigger events_no_truncate before truncate on public.events
  for each statement execute function private.keep_events_append_only();
