-- Live updates: the dashboard subscribes to leads and messages through Supabase Realtime, which reads the
-- `supabase_realtime` publication and checks each change against the subscriber's RLS. `replica identity full`
-- puts the whole old row into updates and deletes, which Realtime needs to apply RLS to them.

alter table public.leads replica identity full;
alter table public.messages replica identity full;

-- A hosted project has the publication already; a bare Postgres gets it here.
do $publication$
begin
  if not exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$publication$;

alter publication supabase_realtime add table public.leads, public.messages;
