-- The channels leads write to us on (docs/lead-capture.md): a connected Telegram bot, a WhatsApp number behind
-- WAHA or the WhatsApp Cloud API. Their non-secret settings are workspace data (members read them, admins change
-- them); their tokens and keys live in private.channel_secrets, which no signed-in user can read. Deep-link codes
-- (`/start <code>`) tie a new lead to the campaign, and the ad, that sent it.

-- Channels ----------------------------------------------------------------------------------------------------------

create table public.channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  provider text not null,
  platform public.platform not null,
  name text not null,
  external_id text not null,
  username text,
  api_base_url text,
  niche_id uuid,
  campaign_id uuid,
  status text not null default 'pending',
  webhook_url text,
  last_error text,
  per_chat_interval_ms integer not null default 1000,
  per_second_limit integer not null default 30,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint channels_workspace_id_id_key unique (workspace_id, id),
  constraint channels_workspace_provider_external_id_key unique (workspace_id, provider, external_id),
  -- A channel outlives the niche and campaign it feeds: deleting them only clears the link.
  constraint channels_niche_fkey foreign key (workspace_id, niche_id)
    references public.niches (workspace_id, id) on delete set null (niche_id),
  constraint channels_campaign_fkey foreign key (workspace_id, campaign_id)
    references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint channels_provider_known check (provider in ('telegram_bot', 'waha', 'whatsapp_cloud')),
  constraint channels_platform_of_provider check (
    (provider = 'telegram_bot' and platform = 'telegram')
    or (provider in ('waha', 'whatsapp_cloud') and platform = 'whatsapp')
  ),
  constraint channels_name_present check (length(btrim(name)) between 1 and 200),
  constraint channels_external_id_present check (length(btrim(external_id)) between 1 and 200),
  constraint channels_status_known check (status in ('pending', 'active', 'error', 'disabled')),
  constraint channels_per_chat_interval_non_negative check (per_chat_interval_ms >= 0),
  constraint channels_per_second_limit_range check (per_second_limit between 1 and 1000)
);
comment on table public.channels is
  'A connected Telegram bot (provider telegram_bot, platform telegram) or WhatsApp number (waha or whatsapp_cloud, platform whatsapp): its non-secret settings, the niche and campaign new leads from it belong to, and its send rates (per_chat_interval_ms between two messages to one chat, per_second_limit per channel). One per workspace, provider and external id; a Telegram bot serves one workspace only. Created through private.connect_channel(); members read, admins and owners update and delete.';
comment on column public.channels.external_id is
  'The provider''s id of the channel: the Telegram bot''s numeric id, the WAHA session name, the Cloud API phone_number_id.';
comment on column public.channels.api_base_url is 'The WAHA server''s URL; null means the environment''s default.';
comment on column public.channels.per_chat_interval_ms is 'The least time between two messages sent to one chat.';
comment on column public.channels.per_second_limit is 'The most messages the channel sends in one second.';
-- Telegram delivers one bot's updates to one webhook: the bot cannot serve two workspaces.
create unique index channels_telegram_bot_key on public.channels (external_id) where provider = 'telegram_bot';
create index channels_workspace_niche_idx on public.channels (workspace_id, niche_id);
create index channels_workspace_campaign_idx on public.channels (workspace_id, campaign_id);
alter table public.channels enable row level security;
create trigger channels_set_updated_at before update on public.channels
  for each row execute function private.set_updated_at();
revoke all on table public.channels from anon, authenticated;
grant select, delete on table public.channels to authenticated;
-- Admins change what the dashboard offers; the provider, its ids, the server URL (where the keys are sent) and the
-- state of the webhook are the connect functions' to set.
grant update (name, niche_id, campaign_id, status, per_chat_interval_ms, per_second_limit)
  on table public.channels to authenticated;
grant all on table public.channels to service_role;

create policy "Members read channels of their workspace" on public.channels
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Admins update channels of their workspace" on public.channels
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')))
  with check (workspace_id in (select private.workspaces_with_role('admin')));
create policy "Admins delete channels of their workspace" on public.channels
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('admin')));

-- Channel secrets ---------------------------------------------------------------------------------------------------

create table private.channel_secrets (
  channel_id uuid primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  bot_token text,
  webhook_secret text,
  api_key text,
  hmac_key text,
  access_token text,
  app_secret text,
  verify_token text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint channel_secrets_channel_fkey foreign key (workspace_id, channel_id)
    references public.channels (workspace_id, id) on delete cascade
);
comment on table private.channel_secrets is
  'A channel''s credentials: Telegram bot token and webhook secret token, WAHA api key and HMAC key, Cloud API access token, app secret and verify token. Only service_role (the Edge Functions) reads and writes them; no signed-in user ever can, and nothing the browser reads selects them. Goes with its channel.';
create index channel_secrets_workspace_channel_idx on private.channel_secrets (workspace_id, channel_id);
alter table private.channel_secrets enable row level security;
create trigger channel_secrets_set_updated_at before update on private.channel_secrets
  for each row execute function private.set_updated_at();
revoke all on table private.channel_secrets from public, anon, authenticated, service_role;
-- No policy: only roles that bypass row level security (service_role, the owner) reach the rows.
grant select, insert, update, delete on table private.channel_secrets to service_role;

-- Tracking codes ----------------------------------------------------------------------------------------------------

-- What the ad of a tracking code is checked against: an ad together with its campaign.
alter table public.ads add constraint ads_workspace_campaign_id_key unique (workspace_id, campaign_id, id);

create table public.tracking_codes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  code text not null,
  campaign_id uuid not null,
  ad_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tracking_codes_workspace_code_key unique (workspace_id, code),
  constraint tracking_codes_campaign_fkey foreign key (workspace_id, campaign_id)
    references public.campaigns (workspace_id, id) on delete cascade,
  -- The ad, when named, is one of the code's campaign's ads (an ad moved to another campaign takes its codes along).
  constraint tracking_codes_ad_fkey foreign key (workspace_id, campaign_id, ad_id)
    references public.ads (workspace_id, campaign_id, id) on update cascade on delete cascade,
  constraint tracking_codes_code_format check (code ~ '^[A-Za-z0-9_-]{1,64}$')
);
comment on table public.tracking_codes is
  'A deep-link code (t.me/<bot>?start=<code>, or the text of a wa.me link) naming the campaign, and optionally the ad of that campaign, a new lead came from. Unique per workspace; 1-64 letters, digits, _ or - (what Telegram allows in a start parameter). Operators and above write codes; goes with its campaign or ad.';
create index tracking_codes_workspace_campaign_ad_idx on public.tracking_codes (workspace_id, campaign_id, ad_id);
alter table public.tracking_codes enable row level security;
create trigger tracking_codes_set_updated_at before update on public.tracking_codes
  for each row execute function private.set_updated_at();
revoke all on table public.tracking_codes from anon, authenticated;
grant select, insert, update, delete on table public.tracking_codes to authenticated;
grant all on table public.tracking_codes to service_role;

create policy "Members read tracking codes of their workspace" on public.tracking_codes
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add tracking codes to their workspace" on public.tracking_codes
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update tracking codes of their workspace" on public.tracking_codes
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete tracking codes of their workspace" on public.tracking_codes
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

-- Connecting ----------------------------------------------------------------------------------------------------------

-- Connects a channel for a user the Edge Function has authenticated: only an operator, admin or owner of the workspace
-- may (else 42501). Upserts the channel by (workspace, provider, external id): the settings given replace the stored
-- ones, those not given are kept; the secrets given (keys named as the columns of private.channel_secrets) replace
-- the stored ones. A Telegram bot already connected to another workspace is refused with 23505 'channel_in_use'.
-- Returns the channel row as jsonb, never its secrets.
create function private.connect_channel(p_user_id uuid, p jsonb) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_workspace_id uuid := (p ->> 'workspace_id')::uuid;
  v_provider text := p ->> 'provider';
  v_external_id text := pg_catalog.btrim(p ->> 'external_id');
  v_secrets jsonb := coalesce(p -> 'secrets', '{}'::jsonb);
  v_channel public.channels;
begin
  if p_user_id is null or v_workspace_id is null or not exists (
    select 1 from public.workspace_members m
    where m.workspace_id = v_workspace_id and m.user_id = p_user_id and m.role <= 'operator'
  ) then
    raise exception 'operator_role_required'
      using errcode = '42501', detail = 'Only operators, admins and owners of the workspace connect channels.';
  end if;
  if pg_catalog.jsonb_typeof(v_secrets) <> 'object' then
    raise exception 'invalid_secrets' using errcode = '22023', detail = 'secrets must be a JSON object.';
  end if;
  if v_provider = 'telegram_bot' and exists (
    select 1 from public.channels c
    where c.provider = 'telegram_bot' and c.external_id = v_external_id and c.workspace_id <> v_workspace_id
  ) then
    raise exception 'channel_in_use'
      using errcode = '23505', detail = 'This Telegram bot is connected to another workspace.';
  end if;
  begin
    insert into public.channels as c (
      workspace_id, provider, platform, name, external_id, username, api_base_url, niche_id, campaign_id, status,
      webhook_url, per_chat_interval_ms, per_second_limit
    )
    values (
      v_workspace_id,
      v_provider,
      case v_provider when 'telegram_bot' then 'telegram'::public.platform else 'whatsapp'::public.platform end,
      coalesce(pg_catalog.btrim(p ->> 'name'), v_external_id),
      v_external_id,
      p ->> 'username',
      p ->> 'api_base_url',
      (p ->> 'niche_id')::uuid,
      (p ->> 'campaign_id')::uuid,
      coalesce(p ->> 'status', 'pending'),
      p ->> 'webhook_url',
      coalesce((p ->> 'per_chat_interval_ms')::integer, 1000),
      coalesce((p ->> 'per_second_limit')::integer, 30)
    )
    on conflict (workspace_id, provider, external_id) do update set
      name = case when p ? 'name' then pg_catalog.btrim(p ->> 'name') else c.name end,
      username = case when p ? 'username' then p ->> 'username' else c.username end,
      api_base_url = case when p ? 'api_base_url' then p ->> 'api_base_url' else c.api_base_url end,
      niche_id = case when p ? 'niche_id' then (p ->> 'niche_id')::uuid else c.niche_id end,
      campaign_id = case when p ? 'campaign_id' then (p ->> 'campaign_id')::uuid else c.campaign_id end,
      status = case when p ? 'status' then p ->> 'status' else c.status end,
      webhook_url = case when p ? 'webhook_url' then p ->> 'webhook_url' else c.webhook_url end,
      per_chat_interval_ms = case
        when p ? 'per_chat_interval_ms' then (p ->> 'per_chat_interval_ms')::integer else c.per_chat_interval_ms end,
      per_second_limit = case
        when p ? 'per_second_limit' then (p ->> 'per_second_limit')::integer else c.per_second_limit end
    returning c.* into v_channel;
  exception when unique_violation then
    -- Another workspace connected the same bot between the check above and this insert.
    raise exception 'channel_in_use'
      using errcode = '23505', detail = 'This Telegram bot is connected to another workspace.';
  end;
  insert into private.channel_secrets as s (
    channel_id, workspace_id, bot_token, webhook_secret, api_key, hmac_key, access_token, app_secret, verify_token
  )
  values (
    v_channel.id, v_channel.workspace_id, v_secrets ->> 'bot_token', v_secrets ->> 'webhook_secret',
    v_secrets ->> 'api_key', v_secrets ->> 'hmac_key', v_secrets ->> 'access_token', v_secrets ->> 'app_secret',
    v_secrets ->> 'verify_token'
  )
  on conflict (channel_id) do update set
    bot_token = case when v_secrets ? 'bot_token' then excluded.bot_token else s.bot_token end,
    webhook_secret = case when v_secrets ? 'webhook_secret' then excluded.webhook_secret else s.webhook_secret end,
    api_key = case when v_secrets ? 'api_key' then excluded.api_key else s.api_key end,
    hmac_key = case when v_secrets ? 'hmac_key' then excluded.hmac_key else s.hmac_key end,
    access_token = case when v_secrets ? 'access_token' then excluded.access_token else s.access_token end,
    app_secret = case when v_secrets ? 'app_secret' then excluded.app_secret else s.app_secret end,
    verify_token = case when v_secrets ? 'verify_token' then excluded.verify_token else s.verify_token end;
  return pg_catalog.to_jsonb(v_channel);
end
$$;
comment on function private.connect_channel(uuid, jsonb) is
  'Connects (or reconnects) a channel for an operator, admin or owner of the workspace (else 42501): upserts it by workspace, provider and external id with the settings given and stores the secrets given. A Telegram bot connected to another workspace is refused (23505 channel_in_use). Returns the channel as jsonb, without secrets.';

-- Records what setting up a channel's webhook found: its status, the webhook URL (kept when null is given) and the
-- last error (cleared by null). Unknown channel: P0002 'unknown_channel'. Returns the channel as jsonb.
create function private.update_channel_status(
  p_channel_id uuid,
  p_status text,
  p_webhook_url text default null,
  p_last_error text default null
) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_channel public.channels;
begin
  update public.channels c
  set status = p_status,
      webhook_url = coalesce(p_webhook_url, c.webhook_url),
      last_error = pg_catalog.left(p_last_error, 1000)
  where c.id = p_channel_id
  returning c.* into v_channel;
  if not found then
    raise exception 'unknown_channel' using errcode = 'P0002', detail = pg_catalog.format('No channel %s.', p_channel_id);
  end if;
  return pg_catalog.to_jsonb(v_channel);
end
$$;
comment on function private.update_channel_status(uuid, text, text, text) is
  'Sets a channel''s status (pending, active, error, disabled), its webhook URL when given and its last error (null clears it). Unknown channel: P0002 unknown_channel.';

-- What a webhook needs to verify and store an update: the channel's settings and secrets. Null when the channel is
-- unknown or disabled, so a disabled channel's webhook stores nothing.
create function private.get_channel_for_webhook(p_channel_id uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'id', c.id,
    'workspace_id', c.workspace_id,
    'provider', c.provider,
    'platform', c.platform,
    'name', c.name,
    'external_id', c.external_id,
    'username', c.username,
    'api_base_url', c.api_base_url,
    'status', c.status,
    'niche_id', c.niche_id,
    'campaign_id', c.campaign_id,
    'per_chat_interval_ms', c.per_chat_interval_ms,
    'per_second_limit', c.per_second_limit,
    'secrets', pg_catalog.jsonb_build_object(
      'bot_token', s.bot_token,
      'webhook_secret', s.webhook_secret,
      'api_key', s.api_key,
      'hmac_key', s.hmac_key,
      'access_token', s.access_token,
      'app_secret', s.app_secret,
      'verify_token', s.verify_token
    )
  )
  from public.channels c
  left join private.channel_secrets s on s.channel_id = c.id
  where c.id = p_channel_id and c.status <> 'disabled'
$$;
comment on function private.get_channel_for_webhook(uuid) is
  'The channel (settings and secrets) a webhook verifies and stores an update with; null when the channel is unknown or disabled. Service role only: it returns secrets.';

revoke all on function private.connect_channel(uuid, jsonb) from public;
revoke all on function private.update_channel_status(uuid, text, text, text) from public;
revoke all on function private.get_channel_for_webhook(uuid) from public;
grant execute on function private.connect_channel(uuid, jsonb) to service_role;
grant execute on function private.update_channel_status(uuid, text, text, text) to service_role;
grant execute on function private.get_channel_for_webhook(uuid) to service_role;
