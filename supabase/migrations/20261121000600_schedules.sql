-- The schedule registry and its first job.
--
-- private.schedules lists every recurring job: a name, a cron expression (five fields, UTC) and the SQL command to
-- run. Where pg_cron is installed and preloaded, every row is handed to cron.schedule() (by the trigger below and
-- by a sync at the end of this migration), so the database runs its own schedules. Where it is not (the embedded
-- Postgres of `npm start`), the local stack reads the registry and runs the same commands on the same expressions.
--
-- Schedules that need URLs or keys (calling Edge Functions through pg_net on Supabase) read them from Vault
-- (vault.decrypted_secrets) inside their command, never as literals in this registry.

-- pg_cron where the server offers it: available, preloaded, and meant for this database (cron.database_name).
do $pg_cron$
declare
  v_preload text;
  v_cron_database text;
begin
  if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    return;
  end if;
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: the local stack runs private.schedules itself';
    return;
  end if;
  begin
    v_preload := pg_catalog.current_setting('shared_preload_libraries');
  exception when insufficient_privilege then
    v_preload := null; -- unreadable here (hosted); creating the extension below tells
  end;
  if v_preload is not null and v_preload !~ '(^|[\s,"])pg_cron($|[\s,"])' then
    raise notice 'pg_cron is installed but not in shared_preload_libraries: the local stack runs private.schedules itself';
    return;
  end if;
  begin
    v_cron_database := pg_catalog.current_setting('cron.database_name', true);
  exception when insufficient_privilege then
    v_cron_database := null;
  end;
  if coalesce(v_cron_database, pg_catalog.current_database()) <> pg_catalog.current_database() then
    raise notice 'pg_cron runs in database % (cron.database_name), not in %: schedules are not handed to it',
      v_cron_database, pg_catalog.current_database();
    return;
  end if;
  begin
    create extension pg_cron with schema pg_catalog;
  exception when others then
    raise notice 'pg_cron could not be enabled (%); enable it, then run select private.sync_schedules_to_cron()', sqlerrm;
  end;
end
$pg_cron$;

create table private.schedules (
  name text primary key,
  cron text not null,
  command text not null,
  description text,
  constraint schedules_name_format check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  constraint schedules_cron_five_fields check (cron ~ '^\s*\S+(\s+\S+){4}\s*$'),
  constraint schedules_command_present check (length(btrim(command)) > 0)
);
comment on table private.schedules is
  'The schedule registry: every recurring job by name, cron expression (five fields, UTC) and SQL command. pg_cron runs it where present (rows are synced to cron.job); otherwise the local stack does. Commands run as the database owner, so only migrations write rows (service_role reads). Commands needing URLs or keys read them from Vault.';
-- Rows come only from migrations: each command runs as the database owner (pg_cron's job owner, or the local
-- runner's superuser connection), so a role that could write the registry could run any SQL as the owner. service_role
-- reads it; nothing but a migration writes it.
revoke all on table private.schedules from public, anon, authenticated, service_role;
grant select on table private.schedules to service_role;

-- Hands one registry change to pg_cron when it is installed: a new or changed row is (re)scheduled under its name,
-- a removed or renamed one unscheduled. Without pg_cron it does nothing (the local stack reads the registry).
create function private.sync_schedule_to_cron() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    return null;
  end if;
  if tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.name <> new.name) then
    execute 'select cron.unschedule(j.jobid) from cron.job j where j.jobname = $1' using old.name;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    execute 'select cron.schedule($1, $2, $3)' using new.name, new.cron, new.command;
  end if;
  return null;
end
$$;
comment on function private.sync_schedule_to_cron() is
  'Keeps pg_cron''s jobs equal to the registry: schedules a new or changed row under its name, unschedules a removed one; a no-op without pg_cron.';
revoke all on function private.sync_schedule_to_cron() from public;

create trigger schedules_sync_to_cron after insert or update or delete on private.schedules
  for each row execute function private.sync_schedule_to_cron();

-- Hands the whole registry to pg_cron (after pg_cron is enabled on a database that did not have it, run this once).
create function private.sync_schedules_to_cron() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_schedule record;
  v_count integer := 0;
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    return 0;
  end if;
  for v_schedule in select s.name, s.cron, s.command from private.schedules s order by s.name loop
    execute 'select cron.schedule($1, $2, $3)' using v_schedule.name, v_schedule.cron, v_schedule.command;
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
comment on function private.sync_schedules_to_cron() is
  'Schedules every registry row in pg_cron under its name (idempotent); returns how many, 0 without pg_cron.';
revoke all on function private.sync_schedules_to_cron() from public;
grant execute on function private.sync_schedules_to_cron() to service_role;

-- The daily per-campaign counters, per Kazakhstan calendar day (Asia/Almaty):
--   leads       leads of the campaign created that day;
--   qualified   leads of the campaign first judged qualified that day (leads.qualified_at);
--   handed_off  leads of the campaign handed off that day (leads.handed_off_at);
--   messages    messages exchanged that day with the campaign's leads.
-- Rebuilds the given day (null: yesterday and today, so late arrivals around midnight are counted) as an idempotent
-- upsert (a day whose activity went away drops to zeros), and refreshes each campaign's ads_count (ads not deleted),
-- leads_count and conversions_count (leads handed off, still or since closed). Returns the number of daily rows
-- written or changed.
create function private.rollup_campaign_daily_stats(p_day date default null) returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_today date := (pg_catalog.now() at time zone 'Asia/Almaty')::date;
  v_day date;
  v_from timestamptz;
  v_to timestamptz;
  v_rows integer;
  v_written integer := 0;
begin
  -- One rollup at a time: a slow run and the next tick never interleave their upserts.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('arqan.rollup_campaign_daily_stats'));
  foreach v_day in array case when p_day is null then array[v_today - 1, v_today] else array[p_day] end loop
    v_from := v_day::timestamp at time zone 'Asia/Almaty';
    v_to := (v_day + 1)::timestamp at time zone 'Asia/Almaty';
    with lead_counts as (
      select
        l.workspace_id,
        l.campaign_id,
        count(*) filter (where l.created_at >= v_from and l.created_at < v_to) as leads,
        count(*) filter (where l.qualified_at >= v_from and l.qualified_at < v_to) as qualified,
        count(*) filter (where l.handed_off_at >= v_from and l.handed_off_at < v_to) as handed_off
      from public.leads l
      where l.campaign_id is not null
        and (
          (l.created_at >= v_from and l.created_at < v_to)
          or (l.qualified_at >= v_from and l.qualified_at < v_to)
          or (l.handed_off_at >= v_from and l.handed_off_at < v_to)
        )
      group by l.workspace_id, l.campaign_id
    ),
    message_counts as (
      select l.workspace_id, l.campaign_id, count(*) as messages
      from public.messages m
      join public.leads l on l.workspace_id = m.workspace_id and l.id = m.lead_id
      where m.sent_at >= v_from and m.sent_at < v_to and l.campaign_id is not null
      group by l.workspace_id, l.campaign_id
    ),
    campaigns_of_day as (
      select lc.workspace_id, lc.campaign_id from lead_counts lc
      union
      select mc.workspace_id, mc.campaign_id from message_counts mc
      union
      select s.workspace_id, s.campaign_id from public.campaign_daily_stats s where s.day = v_day
    )
    insert into public.campaign_daily_stats as s (workspace_id, campaign_id, day, leads, qualified, handed_off, messages)
    select
      d.workspace_id,
      d.campaign_id,
      v_day,
      coalesce(lc.leads, 0),
      coalesce(lc.qualified, 0),
      coalesce(lc.handed_off, 0),
      coalesce(mc.messages, 0)
    from campaigns_of_day d
    left join lead_counts lc on lc.workspace_id = d.workspace_id and lc.campaign_id = d.campaign_id
    left join message_counts mc on mc.workspace_id = d.workspace_id and mc.campaign_id = d.campaign_id
    on conflict (campaign_id, day) do update
      set leads = excluded.leads,
          qualified = excluded.qualified,
          handed_off = excluded.handed_off,
          messages = excluded.messages
      where (s.leads, s.qualified, s.handed_off, s.messages)
        is distinct from (excluded.leads, excluded.qualified, excluded.handed_off, excluded.messages);
    get diagnostics v_rows = row_count;
    v_written := v_written + v_rows;
  end loop;

  with totals as (
    select
      c.id,
      (select count(*) from public.ads a
        where a.workspace_id = c.workspace_id and a.campaign_id = c.id and a.status <> 'deleted') as ads,
      (select count(*) from public.leads l
        where l.workspace_id = c.workspace_id and l.campaign_id = c.id) as leads,
      (select count(*) from public.leads l
        where l.workspace_id = c.workspace_id and l.campaign_id = c.id
          and l.handed_off_at is not null and l.status in ('handed_off', 'closed')) as conversions
    from public.campaigns c
  )
  update public.campaigns c
  set ads_count = t.ads, leads_count = t.leads, conversions_count = t.conversions
  from totals t
  where c.id = t.id
    and (c.ads_count, c.leads_count, c.conversions_count) is distinct from (t.ads::integer, t.leads::integer, t.conversions::integer);

  return v_written;
end
$$;
comment on function private.rollup_campaign_daily_stats(date) is
  'Rebuilds campaign_daily_stats for a Kazakhstan day (default: yesterday and today) from leads and messages - leads created, first qualified, handed off, messages exchanged - as an idempotent upsert, and refreshes campaigns.ads_count, leads_count and conversions_count. Returns the daily rows written.';
revoke all on function private.rollup_campaign_daily_stats(date) from public;
grant execute on function private.rollup_campaign_daily_stats(date) to service_role;

insert into private.schedules (name, cron, command, description) values (
  'rollup-campaign-daily-stats',
  '*/5 * * * *',
  'select private.rollup_campaign_daily_stats()',
  'Every 5 minutes: rebuild yesterday''s and today''s per-campaign counters (campaign_daily_stats) and the campaigns'' ads, leads and conversions counts.'
);

-- One-time sync of the registry into pg_cron (a no-op without it).
select private.sync_schedules_to_cron();
