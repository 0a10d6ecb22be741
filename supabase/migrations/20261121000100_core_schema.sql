-- Arqan's core data model (docs/data-model.md): tenancy (workspaces, their members, the clients who buy leads and
-- their sales people), the lead-generation pipeline (niches, campaigns, ads, leads and their identities,
-- conversations, messages, market research), the audit trail and the daily per-campaign counters.
--
-- Every business row carries `workspace_id`; a child row points at its parent together with the workspace
-- (composite foreign keys on `(workspace_id, <parent>_id)`), so no row can ever reference another workspace's data.
-- Money is whole tenge (`bigint`, `_kzt`). Row level security is enabled on every table right here; the policies
-- that open them to workspace members follow in 20261121000200_rls.sql. Privileges are explicit: `anon` reads
-- nothing, `authenticated` gets only the verbs its policies use, `service_role` everything.

-- No function created from here on is executable by everyone: each is granted to the roles that need it.
alter default privileges revoke execute on functions from public;

-- Helpers, triggers and the schedule registry live here: never exposed through the API.
create schema private;
comment on schema private is
  'Helpers, trigger functions and the schedule registry. Not exposed through PostgREST; usage is granted only to the roles that call into it.';
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Enums -----------------------------------------------------------------------------------------------------------

-- Declared from most to least powerful, so `role <= 'operator'` reads "at least an operator".
create type public.workspace_role as enum ('owner', 'admin', 'operator', 'viewer');
create type public.niche_status as enum ('research', 'active', 'paused', 'completed', 'rejected');
create type public.campaign_status as enum ('draft', 'active', 'paused', 'completed', 'failed');
create type public.ad_status as enum ('draft', 'published', 'active', 'expired', 'banned', 'deleted');
create type public.lead_status as enum ('new', 'contacted', 'qualified', 'disqualified', 'handed_off', 'closed');
create type public.platform as enum ('olx', 'kaspi', 'satu', 'telegram', 'whatsapp', 'manual');
create type public.identity_kind as enum ('telegram', 'whatsapp', 'whatsapp_bsuid', 'olx', 'satu', 'kaspi', 'phone');
create type public.message_sender as enum ('bot', 'lead', 'human');

comment on type public.workspace_role is 'A member''s power in a workspace, most powerful first: owner, admin, operator, viewer.';

-- Keeps `updated_at` true: every update of a row stamps the time of its transaction.
create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function private.set_updated_at() is 'Stamps updated_at with the transaction time on every update of a row.';
revoke all on function private.set_updated_at() from public;

-- Workspaces ------------------------------------------------------------------------------------------------------

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workspaces_slug_key unique (slug),
  constraint workspaces_name_present check (length(btrim(name)) between 1 and 200),
  constraint workspaces_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
);
comment on table public.workspaces is
  'An agency''s tenant. Everything else belongs to exactly one workspace; its slug is unique, lower-case, URL-safe. Only its owners rename or delete it; it is created through create_workspace(), which makes the caller its owner.';
alter table public.workspaces enable row level security;
create trigger workspaces_set_updated_at before update on public.workspaces
  for each row execute function private.set_updated_at();
revoke all on table public.workspaces from anon, authenticated;
grant select, update, delete on table public.workspaces to authenticated;
grant all on table public.workspaces to service_role;

create table public.workspace_members (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.workspace_role not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
comment on table public.workspace_members is
  'Who works in a workspace and with what power. A user holds one role per workspace; a workspace keeps at least one owner; admins manage every member but owners, owners manage owners.';
create index workspace_members_user_id_idx on public.workspace_members (user_id, workspace_id);
alter table public.workspace_members enable row level security;
create trigger workspace_members_set_updated_at before update on public.workspace_members
  for each row execute function private.set_updated_at();
revoke all on table public.workspace_members from anon, authenticated;
grant select, insert, update, delete on table public.workspace_members to authenticated;
grant all on table public.workspace_members to service_role;

-- A workspace always keeps an owner: the last one can be neither removed nor demoted (unless the whole workspace or
-- the owner's account is being deleted).
create function private.keep_a_workspace_owner() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'owner' then
    return coalesce(new, old);
  end if;
  if tg_op = 'UPDATE' and new.role = 'owner' and new.workspace_id = old.workspace_id then
    return new;
  end if;
  -- Serialise concurrent changes of one workspace's owners, and skip the rule while the workspace goes away.
  perform 1 from public.workspaces w where w.id = old.workspace_id for update;
  if not found or not exists (select 1 from auth.users u where u.id = old.user_id) then
    return coalesce(new, old);
  end if;
  if not exists (
    select 1 from public.workspace_members m
    where m.workspace_id = old.workspace_id and m.role = 'owner' and m.user_id <> old.user_id
  ) then
    raise exception 'A workspace keeps at least one owner: make another member owner first, or delete the workspace'
      using errcode = 'restrict_violation';
  end if;
  return coalesce(new, old);
end
$$;
comment on function private.keep_a_workspace_owner() is
  'A workspace always keeps at least one owner: removing or demoting its last owner is refused (deleting the workspace or the owner''s account is not).';
revoke all on function private.keep_a_workspace_owner() from public;
create trigger workspace_members_keep_an_owner before update or delete on public.workspace_members
  for each row execute function private.keep_a_workspace_owner();

-- Clients (lead buyers) ---------------------------------------------------------------------------------------------

create table public.clients (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  contact_name text,
  contact_phone text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint clients_workspace_id_id_key unique (workspace_id, id),
  constraint clients_name_present check (length(btrim(name)) between 1 and 200),
  constraint clients_contact_phone_e164 check (contact_phone ~ '^\+[1-9][0-9]{6,14}$')
);
comment on table public.clients is
  'A business that buys leads from a workspace. Admins and owners manage clients; the client''s own sales people read its row and, through client_leads(), the leads handed off to it.';
comment on column public.clients.contact_phone is 'E.164, e.g. +77011234567.';
alter table public.clients enable row level security;
create trigger clients_set_updated_at before update on public.clients
  for each row execute function private.set_updated_at();
revoke all on table public.clients from anon, authenticated;
grant select, insert, update, delete on table public.clients to authenticated;
grant all on table public.clients to service_role;

create table public.client_members (
  client_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (client_id, user_id),
  constraint client_members_client_fkey foreign key (workspace_id, client_id)
    references public.clients (workspace_id, id) on delete cascade
);
comment on table public.client_members is
  'The sales people of a client. They see only the leads handed off to their client (client_leads()) and their client''s row; the workspace''s admins and owners manage them.';
create index client_members_workspace_client_idx on public.client_members (workspace_id, client_id);
create index client_members_user_id_idx on public.client_members (user_id);
alter table public.client_members enable row level security;
create trigger client_members_set_updated_at before update on public.client_members
  for each row execute function private.set_updated_at();
revoke all on table public.client_members from anon, authenticated;
grant select, insert, update, delete on table public.client_members to authenticated;
grant all on table public.client_members to service_role;

-- Niches ------------------------------------------------------------------------------------------------------------

create table public.niches (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  query text,
  city text,
  status public.niche_status not null default 'research',
  cpl_target_kzt bigint,
  roi_target numeric(8, 2),
  market_size_kzt bigint,
  competition_level text,
  avg_price_kzt bigint,
  seasonality jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint niches_workspace_id_id_key unique (workspace_id, id),
  constraint niches_name_present check (length(btrim(name)) between 1 and 200),
  constraint niches_cpl_target_non_negative check (cpl_target_kzt >= 0),
  constraint niches_roi_target_non_negative check (roi_target >= 0),
  constraint niches_market_size_non_negative check (market_size_kzt >= 0),
  constraint niches_avg_price_non_negative check (avg_price_kzt >= 0),
  constraint niches_competition_level_known check (competition_level in ('low', 'medium', 'high')),
  constraint niches_seasonality_by_month check (
    jsonb_typeof(seasonality) = 'object'
    and not jsonb_path_exists(
      seasonality,
      '$.keyvalue() ? (!(@.key like_regex "^([1-9]|1[0-2])$") || @.value.type() != "number" || @.value < 0)'
    )
  )
);
comment on table public.niches is
  'A market the agency researches and sells leads in (a search query in a city). Targets and market figures are whole tenge and never negative; seasonality maps month "1".."12" to a non-negative index. Operators and above write niches.';
comment on column public.niches.roi_target is 'Target return on the lead spend, e.g. 3.0 = 300 %.';
comment on column public.niches.seasonality is 'Month number ("1".."12") to demand index, e.g. {"6": 1.4, "12": 0.6}.';
alter table public.niches enable row level security;
create trigger niches_set_updated_at before update on public.niches
  for each row execute function private.set_updated_at();
revoke all on table public.niches from anon, authenticated;
grant select, insert, update, delete on table public.niches to authenticated;
grant all on table public.niches to service_role;

-- Campaigns ---------------------------------------------------------------------------------------------------------

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  niche_id uuid not null,
  name text not null,
  platform public.platform not null,
  status public.campaign_status not null default 'draft',
  budget_kzt bigint not null default 0,
  spent_kzt bigint not null default 0,
  starts_at timestamptz,
  ends_at timestamptz,
  ads_count integer not null default 0,
  leads_count integer not null default 0,
  conversions_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaigns_workspace_id_id_key unique (workspace_id, id),
  -- NO ACTION (checked at the end of the statement): a niche with campaigns cannot be deleted on its own,
  -- while deleting the whole workspace removes both.
  constraint campaigns_niche_fkey foreign key (workspace_id, niche_id) references public.niches (workspace_id, id),
  constraint campaigns_name_present check (length(btrim(name)) between 1 and 200),
  constraint campaigns_budget_non_negative check (budget_kzt >= 0),
  constraint campaigns_spent_non_negative check (spent_kzt >= 0),
  constraint campaigns_counters_non_negative check (ads_count >= 0 and leads_count >= 0 and conversions_count >= 0),
  constraint campaigns_ends_after_start check (ends_at >= starts_at)
);
comment on table public.campaigns is
  'A push for leads in one niche on one platform. Budget and spend are whole tenge, never negative; spend may exceed the budget (overspend is shown, not hidden); it ends no earlier than it starts. ads_count, leads_count and conversions_count are kept by private.rollup_campaign_daily_stats(). Operators and above write campaigns.';
create index campaigns_workspace_niche_idx on public.campaigns (workspace_id, niche_id);
create index campaigns_workspace_status_idx on public.campaigns (workspace_id, status);
alter table public.campaigns enable row level security;
create trigger campaigns_set_updated_at before update on public.campaigns
  for each row execute function private.set_updated_at();
revoke all on table public.campaigns from anon, authenticated;
grant select, insert, update, delete on table public.campaigns to authenticated;
grant all on table public.campaigns to service_role;

-- Ads ---------------------------------------------------------------------------------------------------------------

create table public.ads (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  platform public.platform not null,
  external_id text,
  title text not null,
  description text,
  price_kzt bigint,
  images text[] not null default '{}',
  status public.ad_status not null default 'draft',
  views integer not null default 0,
  clicks integer not null default 0,
  messages integer not null default 0,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ads_workspace_id_id_key unique (workspace_id, id),
  constraint ads_campaign_fkey foreign key (workspace_id, campaign_id)
    references public.campaigns (workspace_id, id) on delete cascade,
  constraint ads_workspace_platform_external_id_key unique (workspace_id, platform, external_id),
  constraint ads_title_present check (length(btrim(title)) between 1 and 500),
  constraint ads_price_non_negative check (price_kzt >= 0),
  constraint ads_counters_non_negative check (views >= 0 and clicks >= 0 and messages >= 0)
);
comment on table public.ads is
  'One listing of a campaign on a platform. The platform''s id for it is unique per workspace and platform (set once published); price in whole tenge and view/click/message counters are never negative. Operators and above write ads.';
create index ads_workspace_campaign_idx on public.ads (workspace_id, campaign_id);
alter table public.ads enable row level security;
create trigger ads_set_updated_at before update on public.ads
  for each row execute function private.set_updated_at();
revoke all on table public.ads from anon, authenticated;
grant select, insert, update, delete on table public.ads to authenticated;
grant all on table public.ads to service_role;

-- Leads -------------------------------------------------------------------------------------------------------------

create table public.leads (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid,
  source_platform public.platform not null,
  source_id text,
  name text,
  phone text,
  language text,
  status public.lead_status not null default 'new',
  score smallint,
  qualification jsonb not null default '{}'::jsonb,
  client_id uuid,
  qualified_at timestamptz,
  handed_off_at timestamptz,
  first_contact_at timestamptz,
  first_response_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint leads_workspace_id_id_key unique (workspace_id, id),
  -- A lead outlives its campaign (it keeps its history), so deleting the campaign only clears the link.
  constraint leads_campaign_fkey foreign key (workspace_id, campaign_id)
    references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  -- A client that leads were handed to cannot be deleted: that record of the sale stays.
  constraint leads_client_fkey foreign key (workspace_id, client_id) references public.clients (workspace_id, id),
  constraint leads_phone_e164 check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  constraint leads_language_known check (language in ('ru', 'kk', 'en')),
  constraint leads_score_percent check (score between 0 and 100),
  constraint leads_qualification_object check (jsonb_typeof(qualification) = 'object'),
  constraint leads_handed_off_has_client check (status <> 'handed_off' or client_id is not null),
  constraint leads_handed_off_has_time check (status <> 'handed_off' or handed_off_at is not null)
);
comment on table public.leads is
  'A person who answered an ad or wrote to us. Phone is E.164, language ru/kk/en, score 0-100; a handed-off lead always names the client it went to, in the same workspace. Operators and above write leads, admins and owners delete them; a client''s sales people see only their handed-off leads, through client_leads().';
comment on column public.leads.qualification is
  'What qualification found out (jsonb object); "summary" is the one-paragraph text a buyer reads in client_leads().';
comment on column public.leads.qualified_at is
  'When the lead was first judged qualified (set when its status first becomes qualified or handed_off); the daily rollup counts it.';
comment on column public.leads.phone is 'E.164, e.g. +77011234567.';
create index leads_workspace_created_at_idx on public.leads (workspace_id, created_at desc);
create index leads_workspace_status_idx on public.leads (workspace_id, status, created_at desc);
create index leads_workspace_source_idx on public.leads (workspace_id, source_platform, created_at desc);
create index leads_workspace_campaign_idx on public.leads (workspace_id, campaign_id, created_at desc);
create index leads_workspace_client_idx on public.leads (workspace_id, client_id, handed_off_at desc);
create index leads_workspace_phone_idx on public.leads (workspace_id, phone);
create index leads_created_at_idx on public.leads (created_at);
alter table public.leads enable row level security;
create trigger leads_set_updated_at before update on public.leads
  for each row execute function private.set_updated_at();
revoke all on table public.leads from anon, authenticated;
grant select, insert, update, delete on table public.leads to authenticated;
grant all on table public.leads to service_role;

-- A lead's milestones follow its status: qualified_at is set the first time it is qualified (or handed off
-- directly), handed_off_at when it is handed off without an explicit time.
create function private.stamp_lead_milestones() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status in ('qualified', 'handed_off') and new.qualified_at is null then
    new.qualified_at := case when tg_op = 'INSERT' then new.created_at else pg_catalog.now() end;
  end if;
  if new.status = 'handed_off' and new.handed_off_at is null then
    new.handed_off_at := case when tg_op = 'INSERT' then new.created_at else pg_catalog.now() end;
  end if;
  return new;
end
$$;
comment on function private.stamp_lead_milestones() is
  'Sets leads.qualified_at the first time a lead is qualified or handed off, and handed_off_at when a hand-off gives no time.';
revoke all on function private.stamp_lead_milestones() from public;
create trigger leads_stamp_milestones before insert or update of status on public.leads
  for each row execute function private.stamp_lead_milestones();

create table public.lead_identities (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  lead_id uuid not null,
  kind public.identity_kind not null,
  value text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lead_identities_lead_fkey foreign key (workspace_id, lead_id)
    references public.leads (workspace_id, id) on delete cascade,
  constraint lead_identities_workspace_kind_value_key unique (workspace_id, kind, value),
  constraint lead_identities_value_present check (length(btrim(value)) > 0),
  constraint lead_identities_phone_e164 check (kind <> 'phone' or value ~ '^\+[1-9][0-9]{6,14}$')
);
comment on table public.lead_identities is
  'The channels one lead is reachable on (Telegram user id, WhatsApp wa_id or business-scoped id, OLX/Satu/Kaspi buyer id, phone). An identity belongs to one lead per workspace; capture dedupes by platform identity first, phone second, never on phone alone. Operators and above write identities.';
create index lead_identities_workspace_lead_idx on public.lead_identities (workspace_id, lead_id);
alter table public.lead_identities enable row level security;
create trigger lead_identities_set_updated_at before update on public.lead_identities
  for each row execute function private.set_updated_at();
revoke all on table public.lead_identities from anon, authenticated;
grant select, insert, update, delete on table public.lead_identities to authenticated;
grant all on table public.lead_identities to service_role;

-- Conversations and messages ----------------------------------------------------------------------------------------

create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  lead_id uuid not null,
  platform public.platform not null,
  external_chat_id text not null,
  bot_paused boolean not null default false,
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversations_workspace_id_id_key unique (workspace_id, id),
  constraint conversations_lead_fkey foreign key (workspace_id, lead_id)
    references public.leads (workspace_id, id) on delete cascade,
  constraint conversations_workspace_platform_chat_key unique (workspace_id, platform, external_chat_id),
  constraint conversations_external_chat_id_present check (length(btrim(external_chat_id)) > 0)
);
comment on table public.conversations is
  'One chat with a lead on one platform: a platform''s chat appears once per workspace. bot_paused means a human has taken over and the bot stays silent. Operators and above write conversations.';
create index conversations_workspace_lead_idx on public.conversations (workspace_id, lead_id);
create index conversations_workspace_last_message_idx on public.conversations (workspace_id, last_message_at desc);
alter table public.conversations enable row level security;
create trigger conversations_set_updated_at before update on public.conversations
  for each row execute function private.set_updated_at();
revoke all on table public.conversations from anon, authenticated;
grant select, insert, update, delete on table public.conversations to authenticated;
grant all on table public.conversations to service_role;

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversation_id uuid not null,
  lead_id uuid not null,
  platform public.platform not null,
  platform_message_id text,
  sender public.message_sender not null,
  sender_user_id uuid references auth.users (id) on delete set null,
  text text,
  language text,
  intent text,
  sentiment text,
  sent_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint messages_conversation_fkey foreign key (workspace_id, conversation_id)
    references public.conversations (workspace_id, id) on delete cascade,
  constraint messages_lead_fkey foreign key (workspace_id, lead_id)
    references public.leads (workspace_id, id) on delete cascade,
  constraint messages_workspace_platform_message_id_key unique (workspace_id, platform, platform_message_id),
  constraint messages_language_known check (language in ('ru', 'kk', 'en')),
  constraint messages_sender_user_is_human check (sender_user_id is null or sender = 'human')
);
comment on table public.messages is
  'What was said in a conversation, by the bot, the lead or a human operator. The platform''s message id is unique per workspace and platform, so a redelivered webhook stores the message once (and one workspace''s ids never suppress another''s). Operators and above write messages.';
comment on column public.messages.platform_message_id is
  'The platform''s id of the message, unique per workspace and platform. Where the platform numbers messages per chat and bot (Telegram), it is "<bot id>:<chat id>:<message id>".';
create index messages_workspace_conversation_sent_at_idx on public.messages (workspace_id, conversation_id, sent_at);
create index messages_workspace_lead_sent_at_idx on public.messages (workspace_id, lead_id, sent_at);
create index messages_sender_user_id_idx on public.messages (sender_user_id);
create index messages_sent_at_idx on public.messages (sent_at);
alter table public.messages enable row level security;
create trigger messages_set_updated_at before update on public.messages
  for each row execute function private.set_updated_at();
revoke all on table public.messages from anon, authenticated;
grant select, insert, update, delete on table public.messages to authenticated;
grant all on table public.messages to service_role;

-- Market research ---------------------------------------------------------------------------------------------------

create table public.market_research (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  niche_id uuid,
  data_type text not null,
  region text,
  data jsonb not null default '{}'::jsonb,
  collected_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint market_research_niche_fkey foreign key (workspace_id, niche_id)
    references public.niches (workspace_id, id) on delete cascade,
  constraint market_research_data_type_present check (length(btrim(data_type)) > 0),
  constraint market_research_data_structured check (jsonb_typeof(data) in ('object', 'array'))
);
comment on table public.market_research is
  'Figures collected about a niche (listings, prices, demand) by data type and region; goes with its niche. Operators and above write research.';
create index market_research_workspace_niche_idx on public.market_research (workspace_id, niche_id, collected_at desc);
alter table public.market_research enable row level security;
create trigger market_research_set_updated_at before update on public.market_research
  for each row execute function private.set_updated_at();
revoke all on table public.market_research from anon, authenticated;
grant select, insert, update, delete on table public.market_research to authenticated;
grant all on table public.market_research to service_role;

-- Events (audit) ----------------------------------------------------------------------------------------------------

create table public.events (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  actor_user_id uuid,
  actor_kind text not null,
  entity_type text not null,
  entity_id uuid not null,
  action text not null,
  from_status text,
  to_status text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  constraint events_actor_kind_known check (actor_kind in ('user', 'system', 'bot')),
  constraint events_user_actor_named check (actor_kind <> 'user' or actor_user_id is not null),
  constraint events_entity_type_present check (length(btrim(entity_type)) > 0),
  constraint events_action_present check (length(btrim(action)) > 0),
  constraint events_details_object check (jsonb_typeof(details) = 'object')
);
comment on table public.events is
  'Append-only audit of who changed what and when: every status change of niches, campaigns, ads and leads and every lead hand-off. Rows are never updated or deleted (only removed with their workspace); members read their workspace''s events.';
comment on column public.events.actor_user_id is
  'The signed-in user who made the change; null for system and bot changes. Not a foreign key: the audit outlives accounts.';
create index events_workspace_created_at_idx on public.events (workspace_id, created_at desc);
create index events_entity_idx on public.events (entity_id, created_at);
alter table public.events enable row level security;
revoke all on table public.events from anon, authenticated;
grant select on table public.events to authenticated;
grant all on table public.events to service_role;
revoke all on sequence public.events_id_seq from anon, authenticated;
grant all on sequence public.events_id_seq to service_role;

-- Daily per-campaign counters ---------------------------------------------------------------------------------------

create table public.campaign_daily_stats (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  day date not null,
  leads integer not null default 0,
  qualified integer not null default 0,
  handed_off integer not null default 0,
  messages integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (campaign_id, day),
  constraint campaign_daily_stats_campaign_fkey foreign key (workspace_id, campaign_id)
    references public.campaigns (workspace_id, id) on delete cascade,
  constraint campaign_daily_stats_counters_non_negative check (
    leads >= 0 and qualified >= 0 and handed_off >= 0 and messages >= 0
  )
);
comment on table public.campaign_daily_stats is
  'Per campaign and Kazakhstan calendar day (Asia/Almaty): leads created, leads qualified, leads handed off, messages exchanged. Written only by private.rollup_campaign_daily_stats(), which can rebuild any day; members read it.';
create index campaign_daily_stats_workspace_campaign_idx on public.campaign_daily_stats (workspace_id, campaign_id, day);
create index campaign_daily_stats_workspace_day_idx on public.campaign_daily_stats (workspace_id, day);
alter table public.campaign_daily_stats enable row level security;
create trigger campaign_daily_stats_set_updated_at before update on public.campaign_daily_stats
  for each row execute function private.set_updated_at();
revoke all on table public.campaign_daily_stats from anon, authenticated;
grant select on table public.campaign_daily_stats to authenticated;
grant all on table public.campaign_daily_stats to service_role;
