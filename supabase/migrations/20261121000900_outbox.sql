-- The outbox (docs/lead-capture.md): every bot reply and operator reply is a row here until the provider has it.
-- Senders claim due rows with a lease, respecting each channel's per-chat interval and per-second limit, then report
-- the send as done (it becomes a `messages` row) or failed (retried with exponential backoff, at most 6 attempts).
-- A lease that runs out mid-send leaves the row `uncertain`: Telegram and WAHA take no idempotency key, so resending
-- could say the same thing twice; a human decides instead.

create table public.outbound_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversation_id uuid not null,
  lead_id uuid not null,
  channel_id uuid not null,
  sender public.message_sender not null,
  sender_user_id uuid references auth.users (id) on delete set null,
  text text not null,
  reply_markup jsonb,
  idempotency_key text not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  platform_message_id text,
  message_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint outbound_messages_workspace_id_id_key unique (workspace_id, id),
  constraint outbound_messages_workspace_idempotency_key_key unique (workspace_id, idempotency_key),
  constraint outbound_messages_conversation_fkey foreign key (workspace_id, conversation_id)
    references public.conversations (workspace_id, id) on delete cascade,
  constraint outbound_messages_lead_fkey foreign key (workspace_id, lead_id)
    references public.leads (workspace_id, id) on delete cascade,
  constraint outbound_messages_channel_fkey foreign key (workspace_id, channel_id)
    references public.channels (workspace_id, id) on delete cascade,
  -- By id alone: a (workspace_id, id) key on messages would tempt the planner away from the platform id key on the
  -- hot capture path. complete_outbound() writes the link from the row's own conversation, so it stays in-workspace.
  constraint outbound_messages_message_fkey foreign key (message_id) references public.messages (id) on delete set null,
  constraint outbound_messages_sender_known check (sender in ('bot', 'human')),
  constraint outbound_messages_sender_user_is_human check (sender_user_id is null or sender = 'human'),
  constraint outbound_messages_text_length check (length(btrim(text)) >= 1 and length(text) <= 4096),
  constraint outbound_messages_reply_markup_array check (reply_markup is null or jsonb_typeof(reply_markup) = 'array'),
  constraint outbound_messages_idempotency_key_present check (length(idempotency_key) between 1 and 300),
  constraint outbound_messages_status_known check (status in ('pending', 'sending', 'sent', 'failed', 'uncertain', 'superseded')),
  constraint outbound_messages_attempts_non_negative check (attempts >= 0)
);
comment on table public.outbound_messages is
  'The outbox: each bot or operator reply until the provider has it (pending -> sending -> sent; failed after 6 attempts or a permanent error; uncertain when a send''s lease ran out - never resent automatically). One per workspace and idempotency key (reply:<message id>, operator:<key>), so a retried request queues it once. Text 1-4096 characters; reply_markup holds the choices offered, [{value, label}]. Written only by SQL functions and RPCs; members read.';
comment on column public.outbound_messages.reply_markup is 'The choices offered with the text: [{"value": "...", "label": "..."}].';
comment on column public.outbound_messages.locked_until is 'While sending: when the sender''s lease runs out (the row then becomes uncertain).';
comment on column public.outbound_messages.message_id is 'The messages row the sent message became.';
create index outbound_messages_claim_idx on public.outbound_messages (status, next_attempt_at);
create index outbound_messages_workspace_channel_status_idx
  on public.outbound_messages (workspace_id, channel_id, status, created_at);
create index outbound_messages_channel_sent_at_idx on public.outbound_messages (channel_id, sent_at);
create index outbound_messages_conversation_status_idx on public.outbound_messages (conversation_id, status);
create index outbound_messages_workspace_conversation_idx on public.outbound_messages (workspace_id, conversation_id, created_at);
create index outbound_messages_workspace_lead_idx on public.outbound_messages (workspace_id, lead_id);
create index outbound_messages_message_idx on public.outbound_messages (message_id);
create index outbound_messages_sender_user_id_idx on public.outbound_messages (sender_user_id);
alter table public.outbound_messages enable row level security;
create trigger outbound_messages_set_updated_at before update on public.outbound_messages
  for each row execute function private.set_updated_at();
revoke all on table public.outbound_messages from anon, authenticated;
grant select on table public.outbound_messages to authenticated;
grant all on table public.outbound_messages to service_role;

create policy "Members read outbound messages of their workspace" on public.outbound_messages
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

-- A sent message remembers the outbox row it came from (the row may go, the message stays).
alter table public.messages add constraint messages_outbound_fkey foreign key (workspace_id, outbound_id)
  references public.outbound_messages (workspace_id, id) on delete set null (outbound_id);
create index messages_workspace_outbound_idx on public.messages (workspace_id, outbound_id) where outbound_id is not null;

-- Live updates: operators watch replies go out and conversations change hands.
alter table public.outbound_messages replica identity full;
alter table public.conversations replica identity full;
alter publication supabase_realtime add table public.outbound_messages, public.conversations;

-- Claiming ----------------------------------------------------------------------------------------------------------

-- Hands due outbox rows to a sender (p_channel_id null: every channel), each with a lease of p_lease_seconds.
-- Claims of one channel are serialised (advisory lock), rows are taken `for update skip locked`, oldest first, and:
--   * a conversation gives at most one row per call, always its oldest pending one (replies keep their order),
--     and none while another of its rows is being sent or its last send is younger than per_chat_interval_ms;
--   * a channel gives at most per_second_limit minus the rows it sent in the last second or is sending now;
--   * a WhatsApp Cloud API row whose lead has not written for 24 hours fails at once ('outside_24h_window'):
--     its conversation needs a template message from a human (needs_human 'template_required').
-- Claimed rows become 'sending' with attempts + 1; their conversations' last_sent_at becomes now.
create function private.claim_outbound(
  p_channel_id uuid default null,
  p_limit integer default 10,
  p_lease_seconds integer default 30
) returns setof jsonb
language plpgsql
volatile
security definer
set search_path = ''
rows 10
as $$
declare
  v_channel record;
  v_remaining integer := p_limit;
  v_capacity integer;
  v_ids uuid[];
  v_claimed integer;
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'p_limit must be between 1 and 1000, got %', p_limit using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds < 1 or p_lease_seconds > 3600 then
    raise exception 'p_lease_seconds must be between 1 and 3600, got %', p_lease_seconds using errcode = '22023';
  end if;
  -- Channels in id order: concurrent claimers of several channels take their locks in one order, never deadlock.
  for v_channel in
    select c.id, c.workspace_id, c.provider, c.platform, c.external_id, c.api_base_url, c.per_chat_interval_ms,
           c.per_second_limit
    from public.channels c
    where (p_channel_id is null or c.id = p_channel_id)
      and c.status <> 'disabled'
      and exists (
        select 1 from public.outbound_messages o
        where o.workspace_id = c.workspace_id and o.channel_id = c.id and o.status = 'pending'
          and o.next_attempt_at <= pg_catalog.now()
      )
    order by c.id
  loop
    exit when v_remaining <= 0;
    perform pg_catalog.pg_advisory_xact_lock(
      pg_catalog.hashtextextended('arqan.claim_outbound:' || v_channel.id::text, 0)
    );

    if v_channel.provider = 'whatsapp_cloud' then
      with closed as (
        update public.outbound_messages o
        set status = 'failed', last_error = 'outside_24h_window', locked_until = null
        from public.conversations cv
        where o.workspace_id = v_channel.workspace_id
          and o.channel_id = v_channel.id
          and o.status = 'pending'
          and cv.workspace_id = o.workspace_id
          and cv.id = o.conversation_id
          and (cv.last_inbound_at is null or cv.last_inbound_at < pg_catalog.now() - interval '24 hours')
        returning o.conversation_id
      )
      update public.conversations cv
      set needs_human = 'template_required'
      where cv.id in (select closed.conversation_id from closed);
    end if;

    select v_channel.per_second_limit - pg_catalog.count(*)::integer into v_capacity
    from public.outbound_messages o
    where o.channel_id = v_channel.id
      and (
        o.sent_at > pg_catalog.now() - interval '1 second'
        or (o.status = 'sending' and o.locked_until > pg_catalog.now())
      );
    continue when v_capacity <= 0;

    select pg_catalog.array_agg(due.id order by due.created_at, due.id) into v_ids
    from (
      select oldest.id, oldest.created_at
      from (
        select distinct on (o.conversation_id) o.id, o.conversation_id, o.next_attempt_at, o.created_at
        from public.outbound_messages o
        where o.workspace_id = v_channel.workspace_id and o.channel_id = v_channel.id and o.status = 'pending'
        order by o.conversation_id, o.created_at, o.id
      ) oldest
      join public.conversations cv on cv.id = oldest.conversation_id
      where oldest.next_attempt_at <= pg_catalog.now()
        and (
          cv.last_sent_at is null
          or cv.last_sent_at <= pg_catalog.now() - v_channel.per_chat_interval_ms * interval '1 millisecond'
        )
        and not exists (
          select 1 from public.outbound_messages s
          where s.conversation_id = oldest.conversation_id
            and s.status = 'sending'
            and s.locked_until > pg_catalog.now()
        )
      order by oldest.created_at, oldest.id
      limit least(v_remaining, v_capacity)
    ) due;
    continue when v_ids is null;

    return query
      with locked as (
        select o.id
        from public.outbound_messages o
        join public.conversations cv on cv.id = o.conversation_id
        where o.id = any (v_ids) and o.status = 'pending'
        for update of o, cv skip locked
      ),
      claimed as (
        update public.outbound_messages o
        set status = 'sending',
            attempts = o.attempts + 1,
            locked_until = pg_catalog.now() + p_lease_seconds * interval '1 second'
        from locked
        where o.id = locked.id
        returning o.*
      ),
      touched as (
        update public.conversations cv
        set last_sent_at = pg_catalog.now()
        from claimed
        where cv.id = claimed.conversation_id
        returning cv.id, cv.external_chat_id
      )
      select pg_catalog.jsonb_build_object(
        'id', claimed.id,
        'workspace_id', claimed.workspace_id,
        'conversation_id', claimed.conversation_id,
        'lead_id', claimed.lead_id,
        'channel_id', claimed.channel_id,
        'sender', claimed.sender,
        'sender_user_id', claimed.sender_user_id,
        'text', claimed.text,
        'reply_markup', claimed.reply_markup,
        'idempotency_key', claimed.idempotency_key,
        'attempts', claimed.attempts,
        'locked_until', claimed.locked_until,
        'external_chat_id', touched.external_chat_id,
        'provider', v_channel.provider,
        'platform', v_channel.platform,
        'channel_external_id', v_channel.external_id,
        'api_base_url', v_channel.api_base_url,
        'per_chat_interval_ms', v_channel.per_chat_interval_ms,
        'per_second_limit', v_channel.per_second_limit
      )
      from claimed
      join touched on touched.id = claimed.conversation_id
      order by claimed.created_at, claimed.id;
    get diagnostics v_claimed = row_count;
    v_remaining := v_remaining - v_claimed;
  end loop;
end
$$;
comment on function private.claim_outbound(uuid, integer, integer) is
  'Claims due outbox rows for sending (p_channel_id null: all channels) with a lease: serialised per channel, for update skip locked, oldest first, at most one per conversation and call, honouring the channel''s per-chat interval and per-second limit; Cloud API rows outside the 24-hour window fail (template_required). Returns each row as jsonb with the chat id and the channel''s provider and rates.';

-- Records a send the provider accepted, once: the row becomes 'sent' and a `messages` row (sent now, already
-- processed), the conversation's last message time moves, the lead's first response time is set and a new lead
-- becomes contacted. A human's reply, or the confirmation of an uncertain send, clears the conversation's flag.
-- Completing a sent row again changes nothing.
create function private.complete_outbound(p_id uuid, p_platform_message_id text default null) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_outbound public.outbound_messages;
  v_message_id uuid;
begin
  select o.* into v_outbound from public.outbound_messages o where o.id = p_id for update;
  if not found then
    raise exception 'unknown_outbound' using errcode = 'P0002', detail = pg_catalog.format('No outbound message %s.', p_id);
  end if;
  if v_outbound.status = 'sent' then
    return pg_catalog.jsonb_build_object('status', 'already_sent', 'id', v_outbound.id, 'message_id', v_outbound.message_id);
  end if;
  perform pg_catalog.set_config('arqan.actor_kind', case when v_outbound.sender = 'bot' then 'bot' else '' end, true);

  -- The platform may reuse an id (a repeated report): the message is then stored already.
  insert into public.messages (
    workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, sender_user_id, text, language,
    sent_at, processed_at, outbound_id
  )
  select v_outbound.workspace_id, v_outbound.conversation_id, v_outbound.lead_id, cv.platform, p_platform_message_id,
         v_outbound.sender, v_outbound.sender_user_id, v_outbound.text, l.language, pg_catalog.now(), pg_catalog.now(),
         v_outbound.id
  from public.conversations cv
  join public.leads l on l.workspace_id = cv.workspace_id and l.id = v_outbound.lead_id
  where cv.id = v_outbound.conversation_id
  on conflict (workspace_id, platform, platform_message_id) do nothing
  returning id into v_message_id;

  update public.outbound_messages o
  set status = 'sent', sent_at = pg_catalog.now(), platform_message_id = p_platform_message_id,
      message_id = v_message_id, locked_until = null
  where o.id = p_id;

  update public.conversations cv
  set last_message_at = greatest(cv.last_message_at, pg_catalog.now()),
      needs_human = case
        when v_outbound.sender = 'human' then null
        when v_outbound.status = 'uncertain' and cv.needs_human = 'send_uncertain' and not exists (
          select 1 from public.outbound_messages u
          where u.conversation_id = cv.id and u.status = 'uncertain' and u.id <> p_id
        ) then null
        else cv.needs_human
      end
  where cv.id = v_outbound.conversation_id;

  update public.leads l
  set first_response_at = coalesce(l.first_response_at, pg_catalog.now()),
      status = case when l.status = 'new' then 'contacted'::public.lead_status else l.status end
  where l.workspace_id = v_outbound.workspace_id and l.id = v_outbound.lead_id;

  return pg_catalog.jsonb_build_object('status', 'sent', 'id', v_outbound.id, 'message_id', v_message_id);
end
$$;
comment on function private.complete_outbound(uuid, text) is
  'Marks an outbox row sent (idempotent): stores it as a messages row, moves the conversation''s last message time, sets the lead''s first_response_at and turns a new lead contacted. Unknown row: P0002 unknown_outbound.';

-- Records a failed send. A permanent error, or the 6th attempt, gives up: the row becomes 'failed' and its
-- conversation needs a human ('send_failed'). Otherwise the row is due again after the provider's retry_after when
-- it gave one (Telegram's 429), else after 2^attempts seconds (at most 300). The error is kept (first 500 characters). Reports about
-- a row already sent or failed change nothing.
create function private.fail_outbound(
  p_id uuid,
  p_error text,
  p_retry_after_seconds integer default null,
  p_permanent boolean default false
) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_outbound public.outbound_messages;
  v_delay integer;
begin
  select o.* into v_outbound from public.outbound_messages o where o.id = p_id for update;
  if not found then
    raise exception 'unknown_outbound' using errcode = 'P0002', detail = pg_catalog.format('No outbound message %s.', p_id);
  end if;
  if v_outbound.status in ('sent', 'failed') then
    return pg_catalog.jsonb_build_object('status', v_outbound.status, 'id', v_outbound.id, 'attempts', v_outbound.attempts);
  end if;
  if coalesce(p_permanent, false) or v_outbound.attempts >= 6 then
    update public.outbound_messages o
    set status = 'failed', locked_until = null, last_error = pg_catalog.left(p_error, 500)
    where o.id = p_id
    returning o.* into v_outbound;
    update public.conversations cv set needs_human = 'send_failed' where cv.id = v_outbound.conversation_id;
  else
    -- The platform's own retry_after is what it asks for (Telegram's 429); otherwise back off exponentially.
    v_delay := case
      when p_retry_after_seconds is not null then greatest(p_retry_after_seconds, 1)
      else least(300, pg_catalog.power(2, v_outbound.attempts)::integer)
    end;
    update public.outbound_messages o
    set status = 'pending',
        next_attempt_at = pg_catalog.now() + v_delay * interval '1 second',
        locked_until = null,
        last_error = pg_catalog.left(p_error, 500)
    where o.id = p_id
    returning o.* into v_outbound;
  end if;
  return pg_catalog.jsonb_build_object(
    'status', v_outbound.status,
    'id', v_outbound.id,
    'attempts', v_outbound.attempts,
    'next_attempt_at', case when v_outbound.status = 'pending' then v_outbound.next_attempt_at end
  );
end
$$;
comment on function private.fail_outbound(uuid, text, integer, boolean) is
  'Records a failed send: retried after the provider''s retry_after, else min(300, 2^attempts) seconds, or given up (failed, conversation needs_human send_failed) when permanent or after 6 attempts. Unknown row: P0002 unknown_outbound.';

-- Sends whose lease ran out may or may not have reached the lead: they become 'uncertain' (never claimed again) and
-- their conversations need a human ('send_uncertain'). Returns how many rows expired.
create function private.expire_outbound_leases() returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_expired integer;
begin
  with expired as (
    update public.outbound_messages o
    set status = 'uncertain',
        last_error = 'lease_expired: the send may or may not have reached the lead'
    where o.status = 'sending' and o.locked_until < pg_catalog.now()
    returning o.conversation_id
  ),
  flagged as (
    update public.conversations cv
    set needs_human = 'send_uncertain'
    where cv.id in (select expired.conversation_id from expired)
    returning cv.id
  )
  select pg_catalog.count(*)::integer into v_expired from expired;
  return v_expired;
end
$$;
comment on function private.expire_outbound_leases() is
  'Turns sends whose lease ran out into uncertain (never resent automatically) and flags their conversations send_uncertain. Returns how many.';

-- Says why a human must look at a conversation (template_required, send_failed, send_uncertain; null clears it).
create function private.flag_conversation(p_conversation_id uuid, p_reason text) returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  update public.conversations cv set needs_human = p_reason where cv.id = p_conversation_id;
  if not found then
    raise exception 'unknown_conversation'
      using errcode = 'P0002', detail = pg_catalog.format('No conversation %s.', p_conversation_id);
  end if;
end
$$;
comment on function private.flag_conversation(uuid, text) is
  'Sets a conversation''s needs_human reason (template_required, send_failed, send_uncertain) or clears it with null. Unknown conversation: P0002 unknown_conversation.';

revoke all on function private.claim_outbound(uuid, integer, integer) from public;
revoke all on function private.complete_outbound(uuid, text) from public;
revoke all on function private.fail_outbound(uuid, text, integer, boolean) from public;
revoke all on function private.expire_outbound_leases() from public;
revoke all on function private.flag_conversation(uuid, text) from public;
grant execute on function private.claim_outbound(uuid, integer, integer) to service_role;
grant execute on function private.complete_outbound(uuid, text) to service_role;
grant execute on function private.fail_outbound(uuid, text, integer, boolean) to service_role;
grant execute on function private.expire_outbound_leases() to service_role;
grant execute on function private.flag_conversation(uuid, text) to service_role;
