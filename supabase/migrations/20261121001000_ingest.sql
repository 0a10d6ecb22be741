-- Capture and qualification (docs/lead-capture.md): an inbound message becomes a lead, a conversation and a
-- message in one transaction, whatever the platform redelivers or sends at once; qualification then reads the
-- message in context under a lock of its conversation and writes back what it found, the reply included, once.
-- Every change here is the bot's work: the audit trail records it as such (arqan.actor_kind = 'bot').

-- The audit trail learns one word: a lead created by capture is recorded as 'lead_captured', with the channel,
-- campaign and start code it came by (given by private.ingest_inbound_message() in `arqan.lead_captured`), instead
-- of a bare 'created' - one event per creation, never two. Everything else is as in 20261121000300_audit.sql.
create or replace function private.record_status_change() returns trigger
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
  v_captured text := pg_catalog.current_setting('arqan.lead_captured', true);
begin
  if tg_op = 'INSERT' then
    if v_entity_type = 'lead' and coalesce(v_captured, '') <> '' then
      v_action := 'lead_captured';
      v_details := v_captured::jsonb;
    else
      v_action := 'created';
    end if;
  elsif v_entity_type = 'lead' and v_new ->> 'status' = 'handed_off'
    and (v_old ->> 'status' is distinct from 'handed_off' or v_old ->> 'client_id' is distinct from v_new ->> 'client_id') then
    v_action := 'handed_off';
  elsif v_old ->> 'status' is distinct from v_new ->> 'status' then
    v_action := 'status_changed';
  else
    return null;
  end if;
  if v_entity_type = 'lead' and v_new ->> 'status' = 'handed_off' then
    v_details := v_details || pg_catalog.jsonb_build_object('client_id', v_new -> 'client_id');
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
  'Appends an event for the creation of a niche, campaign, ad or lead (lead_captured, with channel, campaign and start code, when capture created it), for each change of its status, and for each lead hand-off (with the client), naming the actor: the signed-in user, else the system (or the bot when a server-side caller sets arqan.actor_kind = ''bot'').';

-- Capture -----------------------------------------------------------------------------------------------------------

-- Stores one inbound message, in one transaction, exactly once. Serialised per (workspace, identity kind, value)
-- with an advisory lock, so concurrent webhooks of one chat create one lead and one conversation. A message already
-- stored (same workspace, platform and platform message id) is reported as a duplicate and changes nothing.
-- The lead is found by its platform identity, then by the other identities given, then by the chat, then by phone
-- (never by phone alone without a platform identity to attach); else it is created - source the channel's platform,
-- campaign the start code's (else the channel's). Identities are attached when no other lead holds them (never
-- stolen, never merged); name and phone fill only what is empty; a start code attributes a lead without a campaign
-- (and counts a message for the code's ad). Events: 'lead_captured' on creation, 'message_received' each time.
-- An unknown channel is refused with P0002 'unknown_channel'.
create function private.ingest_inbound_message(p jsonb) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_channel public.channels;
  v_kind public.identity_kind;
  v_value text := nullif(pg_catalog.btrim(p -> 'identity' ->> 'value'), '');
  v_platform_message_id text := nullif(pg_catalog.btrim(p ->> 'platform_message_id'), '');
  v_chat_id text := nullif(pg_catalog.btrim(p ->> 'chat_id'), '');
  v_name text := nullif(pg_catalog.btrim(p ->> 'name'), '');
  v_phone text := case when p ->> 'phone' ~ '^\+[1-9][0-9]{6,14}$' then p ->> 'phone' end;
  v_sent_at timestamptz := coalesce((p ->> 'sent_at')::timestamptz, pg_catalog.now());
  v_start_code text := nullif(pg_catalog.btrim(p ->> 'start_code'), '');
  v_identities jsonb := case when pg_catalog.jsonb_typeof(p -> 'identities') = 'array' then p -> 'identities' else '[]'::jsonb end;
  v_duplicate record;
  v_lead public.leads;
  v_lead_id uuid;
  v_lead_created boolean := false;
  v_code_campaign_id uuid;
  v_code_ad_id uuid;
  v_attributed boolean := false;
  v_conversation_id uuid;
  v_message_id uuid;
begin
  select c.* into v_channel from public.channels c where c.id = (p ->> 'channel_id')::uuid;
  if not found then
    raise exception 'unknown_channel' using errcode = 'P0002', detail = pg_catalog.format('No channel %s.', p ->> 'channel_id');
  end if;
  v_kind := (p -> 'identity' ->> 'kind')::public.identity_kind;
  if v_kind is null or v_value is null or v_platform_message_id is null or v_chat_id is null then
    raise exception 'invalid_message'
      using errcode = '22023', detail = 'identity {kind, value}, platform_message_id and chat_id are required.';
  end if;
  perform pg_catalog.set_config('arqan.actor_kind', 'bot', true);
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended(pg_catalog.format('arqan.ingest:%s:%s:%s', v_channel.workspace_id, v_kind, v_value), 0)
  );

  select m.id, m.lead_id, m.conversation_id into v_duplicate
  from public.messages m
  where m.workspace_id = v_channel.workspace_id
    and m.platform = v_channel.platform
    and m.platform_message_id = v_platform_message_id;
  if found then
    return pg_catalog.jsonb_build_object(
      'status', 'duplicate', 'message_id', v_duplicate.id, 'lead_id', v_duplicate.lead_id,
      'conversation_id', v_duplicate.conversation_id, 'workspace_id', v_channel.workspace_id, 'lead_created', false
    );
  end if;

  -- Who wrote: platform identity, the other identities given, the chat, the phone.
  select i.lead_id into v_lead_id
  from public.lead_identities i
  where i.workspace_id = v_channel.workspace_id and i.kind = v_kind and i.value = v_value;
  if v_lead_id is null then
    select i.lead_id into v_lead_id
    from pg_catalog.jsonb_array_elements(v_identities) with ordinality as e(identity, position)
    join public.lead_identities i
      on i.workspace_id = v_channel.workspace_id
     and i.kind::text = e.identity ->> 'kind'
     and i.value = pg_catalog.btrim(e.identity ->> 'value')
    where e.identity ->> 'kind' <> 'phone'
    order by e.position
    limit 1;
  end if;
  if v_lead_id is null then
    select cv.lead_id into v_lead_id
    from public.conversations cv
    where cv.workspace_id = v_channel.workspace_id and cv.platform = v_channel.platform and cv.external_chat_id = v_chat_id;
  end if;
  if v_lead_id is null and v_phone is not null then
    select i.lead_id into v_lead_id
    from public.lead_identities i
    where i.workspace_id = v_channel.workspace_id and i.kind = 'phone' and i.value = v_phone;
  end if;

  if v_start_code is not null then
    select tc.campaign_id, tc.ad_id into v_code_campaign_id, v_code_ad_id
    from public.tracking_codes tc
    where tc.workspace_id = v_channel.workspace_id and tc.code = v_start_code;
  end if;

  if v_lead_id is null then
    -- Read by private.record_status_change(): the creation is recorded as 'lead_captured' with these details.
    perform pg_catalog.set_config('arqan.lead_captured', pg_catalog.jsonb_build_object(
      'channel_id', v_channel.id,
      'campaign_id', coalesce(v_code_campaign_id, v_channel.campaign_id),
      'start_code', v_start_code
    )::text, true);
    insert into public.leads (workspace_id, campaign_id, source_platform, source_id, name, phone, status, first_contact_at)
    values (
      v_channel.workspace_id, coalesce(v_code_campaign_id, v_channel.campaign_id), v_channel.platform, v_value, v_name,
      v_phone, 'new', v_sent_at
    )
    returning id into v_lead_id;
    perform pg_catalog.set_config('arqan.lead_captured', '', true);
    v_lead_created := true;
    v_attributed := v_code_campaign_id is not null;
  end if;

  -- The conversation is locked before the lead, in the order qualification locks them, so the two never deadlock.
  -- A chat stays with the lead it was first captured for.
  insert into public.conversations as cv (
    workspace_id, lead_id, platform, external_chat_id, channel_id, last_message_at, last_inbound_at
  )
  values (v_channel.workspace_id, v_lead_id, v_channel.platform, v_chat_id, v_channel.id, v_sent_at, v_sent_at)
  on conflict (workspace_id, platform, external_chat_id) do update set
    channel_id = excluded.channel_id,
    last_message_at = greatest(cv.last_message_at, excluded.last_message_at),
    last_inbound_at = greatest(cv.last_inbound_at, excluded.last_inbound_at)
  returning cv.id, cv.lead_id into v_conversation_id, v_lead_id;

  if not v_lead_created then
    select l.* into v_lead from public.leads l where l.id = v_lead_id for update;
    v_attributed := v_lead.campaign_id is null and v_code_campaign_id is not null;
    update public.leads l
    set name = coalesce(l.name, v_name),
        phone = coalesce(l.phone, v_phone),
        campaign_id = case when v_attributed then v_code_campaign_id else l.campaign_id end,
        first_contact_at = coalesce(l.first_contact_at, v_sent_at)
    where l.id = v_lead_id
      and (
        (l.name is null and v_name is not null)
        or (l.phone is null and v_phone is not null)
        or v_attributed
        or l.first_contact_at is null
      );
  end if;
  if v_attributed and v_code_ad_id is not null then
    update public.ads a set messages = a.messages + 1
    where a.workspace_id = v_channel.workspace_id and a.id = v_code_ad_id;
  end if;

  -- Identities no other lead holds become this lead's.
  insert into public.lead_identities (workspace_id, lead_id, kind, value)
  select distinct v_channel.workspace_id, v_lead_id, given.kind, given.value
  from (
    select v_kind as kind, v_value as value
    union all
    select (e.identity ->> 'kind')::public.identity_kind, pg_catalog.btrim(e.identity ->> 'value')
    from pg_catalog.jsonb_array_elements(v_identities) as e(identity)
    where e.identity ->> 'kind' in (select k::text from pg_catalog.unnest(pg_catalog.enum_range(null::public.identity_kind)) as k)
      and nullif(pg_catalog.btrim(e.identity ->> 'value'), '') is not null
      and (e.identity ->> 'kind' <> 'phone' or pg_catalog.btrim(e.identity ->> 'value') ~ '^\+[1-9][0-9]{6,14}$')
    union all
    select 'phone'::public.identity_kind, v_phone where v_phone is not null
  ) as given
  on conflict (workspace_id, kind, value) do nothing;

  insert into public.messages (
    workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text, choice, sent_at
  )
  values (
    v_channel.workspace_id, v_conversation_id, v_lead_id, v_channel.platform, v_platform_message_id, 'lead',
    p ->> 'text', nullif(p ->> 'choice', ''), v_sent_at
  )
  on conflict (workspace_id, platform, platform_message_id) do nothing
  returning id into v_message_id;
  if v_message_id is null then
    -- Stored meanwhile under another identity's lock: it is that message.
    select m.id, m.lead_id, m.conversation_id into v_duplicate
    from public.messages m
    where m.workspace_id = v_channel.workspace_id
      and m.platform = v_channel.platform
      and m.platform_message_id = v_platform_message_id;
    return pg_catalog.jsonb_build_object(
      'status', 'duplicate', 'message_id', v_duplicate.id, 'lead_id', v_duplicate.lead_id,
      'conversation_id', v_duplicate.conversation_id, 'workspace_id', v_channel.workspace_id, 'lead_created', false
    );
  end if;

  insert into public.events (workspace_id, actor_kind, entity_type, entity_id, action, details)
  values (
    v_channel.workspace_id, 'bot', 'lead', v_lead_id, 'message_received',
    pg_catalog.jsonb_build_object('message_id', v_message_id, 'channel_id', v_channel.id)
  );

  return pg_catalog.jsonb_build_object(
    'status', 'stored', 'message_id', v_message_id, 'lead_id', v_lead_id, 'conversation_id', v_conversation_id,
    'workspace_id', v_channel.workspace_id, 'lead_created', v_lead_created
  );
end
$$;
comment on function private.ingest_inbound_message(jsonb) is
  'Stores one inbound message exactly once (serialised per workspace and identity): finds the lead by platform identity, other identities, chat, then phone, or creates it (campaign from the start code, else the channel); attaches identities no other lead holds; upserts the conversation; records lead_captured and message_received. Returns {status: stored|duplicate, message_id, lead_id, conversation_id, workspace_id, lead_created}. Unknown channel: P0002 unknown_channel.';

-- Messages of captured chats that qualification has not handled p_older_than after they arrived: what the sweep
-- hands to qualification again (a crashed instance's leftovers), oldest first.
create function private.unprocessed_inbound(
  p_older_than interval default '30 seconds',
  p_limit integer default 100
) returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 100
as $$
  select m.id
  from public.messages m
  join public.conversations cv on cv.workspace_id = m.workspace_id and cv.id = m.conversation_id
  where m.sender = 'lead'
    and m.processed_at is null
    and m.created_at < pg_catalog.now() - p_older_than
    and cv.channel_id is not null
  order by m.created_at, m.id
  limit greatest(1, least(coalesce(p_limit, 100), 1000))
$$;
comment on function private.unprocessed_inbound(interval, integer) is
  'The ids of leads'' messages in captured chats that qualification has not handled p_older_than after arrival (at most p_limit, oldest first): the sweep''s work.';

-- Qualification -----------------------------------------------------------------------------------------------------

-- What qualification needs to handle one message, read under a lock of its conversation (`for update`, held until the
-- caller's transaction ends, so two workers never advance one conversation at once): the message, the conversation
-- (its state, whether the bot is paused), the lead, the channel and the script - the lead's campaign's niche's, else
-- the channel's niche's, else the workspace default, else null (the built-in default). Null for an unknown message.
create function private.load_qualification_context(p_message_id uuid) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_message public.messages;
  v_conversation public.conversations;
  v_lead public.leads;
  v_channel public.channels;
  v_script jsonb;
begin
  select m.* into v_message from public.messages m where m.id = p_message_id;
  if not found then
    return null;
  end if;
  select cv.* into v_conversation
  from public.conversations cv
  where cv.workspace_id = v_message.workspace_id and cv.id = v_message.conversation_id
  for update;
  -- Read again under the lock: another worker may have handled it meanwhile.
  select m.* into v_message from public.messages m where m.id = p_message_id;
  select l.* into v_lead from public.leads l where l.workspace_id = v_message.workspace_id and l.id = v_message.lead_id;
  select c.* into v_channel
  from public.channels c
  where c.workspace_id = v_conversation.workspace_id and c.id = v_conversation.channel_id;

  select s.script into v_script
  from public.campaigns c
  join public.qualification_scripts s on s.workspace_id = c.workspace_id and s.niche_id = c.niche_id
  where c.workspace_id = v_lead.workspace_id and c.id = v_lead.campaign_id;
  if v_script is null and v_channel.niche_id is not null then
    select s.script into v_script
    from public.qualification_scripts s
    where s.workspace_id = v_channel.workspace_id and s.niche_id = v_channel.niche_id;
  end if;
  if v_script is null then
    select s.script into v_script
    from public.qualification_scripts s
    where s.workspace_id = v_message.workspace_id and s.niche_id is null;
  end if;

  return pg_catalog.jsonb_build_object(
    'message', pg_catalog.jsonb_build_object(
      'id', v_message.id,
      'text', v_message.text,
      'choice', v_message.choice,
      'sender', v_message.sender,
      'language', v_message.language,
      'processed_at', v_message.processed_at,
      'sent_at', v_message.sent_at
    ),
    'conversation', pg_catalog.jsonb_build_object(
      'id', v_conversation.id,
      'state', v_conversation.state,
      'bot_paused', v_conversation.bot_paused,
      'channel_id', v_conversation.channel_id,
      'external_chat_id', v_conversation.external_chat_id,
      'platform', v_conversation.platform,
      'last_inbound_at', v_conversation.last_inbound_at,
      'needs_human', v_conversation.needs_human
    ),
    'lead', pg_catalog.jsonb_build_object(
      'id', v_lead.id,
      'workspace_id', v_lead.workspace_id,
      'status', v_lead.status,
      'language', v_lead.language,
      'phone', v_lead.phone,
      'name', v_lead.name,
      'score', v_lead.score,
      'qualification', v_lead.qualification,
      'campaign_id', v_lead.campaign_id
    ),
    'channel', case when v_channel.id is not null then pg_catalog.jsonb_build_object(
      'id', v_channel.id,
      'provider', v_channel.provider,
      'platform', v_channel.platform,
      'external_id', v_channel.external_id,
      'api_base_url', v_channel.api_base_url,
      'per_chat_interval_ms', v_channel.per_chat_interval_ms,
      'per_second_limit', v_channel.per_second_limit
    ) end,
    'script', v_script
  );
end
$$;
comment on function private.load_qualification_context(uuid) is
  'Locks the message''s conversation (for update, until the caller''s transaction ends) and returns {message, conversation, lead, channel, script}; the script is the lead''s campaign''s niche''s, else the channel''s niche''s, else the workspace default, else null. Null for an unknown message.';

-- Writes back what qualification found about one message, once: a message already processed changes nothing
-- ('already_processed'). Stores the conversation's state; the message's language, intent, sentiment and processed
-- time; the lead's language, phone and name (only where empty), score and qualification (keeping an operator's
-- "override"). The lead's status follows the outcome (qualified, disqualified; new -> contacted when a reply is
-- queued) unless an operator overrode it or it is handed off or closed. The reply is queued (idempotency key
-- reply:<message id>) unless the bot is paused, there is no reply or the chat has no channel.
create function private.apply_qualification(p jsonb) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_message_id uuid := (p ->> 'message_id')::uuid;
  v_outcome text := p ->> 'outcome';
  v_reply jsonb := case when pg_catalog.jsonb_typeof(p -> 'reply') = 'object' then p -> 'reply' end;
  v_patch jsonb := case when pg_catalog.jsonb_typeof(p -> 'lead') = 'object' then p -> 'lead' else '{}'::jsonb end;
  v_message public.messages;
  v_conversation public.conversations;
  v_lead public.leads;
  v_phone text;
  v_language text;
  v_qualification jsonb;
  v_status public.lead_status;
  v_options jsonb;
  v_outbound_id uuid;
begin
  if v_outcome is null or v_outcome not in ('in_progress', 'qualified', 'disqualified', 'needs_review') then
    raise exception 'invalid_outcome'
      using errcode = '22023', detail = 'outcome is one of in_progress, qualified, disqualified, needs_review.';
  end if;
  select m.* into v_message from public.messages m where m.id = v_message_id;
  if not found then
    raise exception 'unknown_message' using errcode = 'P0002', detail = pg_catalog.format('No message %s.', v_message_id);
  end if;
  select cv.* into v_conversation
  from public.conversations cv
  where cv.workspace_id = v_message.workspace_id and cv.id = v_message.conversation_id
  for update;
  select m.* into v_message from public.messages m where m.id = v_message_id for update;
  if v_message.processed_at is not null then
    return pg_catalog.jsonb_build_object('status', 'already_processed', 'outbound_id', null);
  end if;
  perform pg_catalog.set_config('arqan.actor_kind', 'bot', true);
  select l.* into v_lead from public.leads l where l.workspace_id = v_message.workspace_id and l.id = v_message.lead_id for update;

  update public.conversations cv
  set state = coalesce(p -> 'state', cv.state)
  where cv.id = v_conversation.id;

  update public.messages m
  set language = case when p ->> 'language' in ('ru', 'kk', 'en') then p ->> 'language' else m.language end,
      intent = coalesce(p ->> 'intent', m.intent),
      sentiment = coalesce(p ->> 'sentiment', m.sentiment),
      processed_at = pg_catalog.now()
  where m.id = v_message_id;

  if v_reply is not null and not v_conversation.bot_paused and v_conversation.channel_id is not null then
    -- A lead who writes several messages before the bot could answer gets one answer, to where the conversation
    -- stands now: bot replies still waiting for their turn are superseded (never sent), not queued behind it.
    update public.outbound_messages o
    set status = 'superseded', locked_until = null
    where o.conversation_id = v_conversation.id and o.workspace_id = v_conversation.workspace_id
      and o.sender = 'bot' and o.status = 'pending';
    v_options := case
      when pg_catalog.jsonb_typeof(v_reply -> 'options') = 'array' and pg_catalog.jsonb_array_length(v_reply -> 'options') > 0
        then v_reply -> 'options'
    end;
    insert into public.outbound_messages (
      workspace_id, conversation_id, lead_id, channel_id, sender, text, reply_markup, idempotency_key
    )
    values (
      v_conversation.workspace_id, v_conversation.id, v_lead.id, v_conversation.channel_id, 'bot', v_reply ->> 'text',
      v_options, 'reply:' || v_message_id::text
    )
    on conflict (workspace_id, idempotency_key) do nothing
    returning id into v_outbound_id;
    if v_outbound_id is null then
      select o.id into v_outbound_id
      from public.outbound_messages o
      where o.workspace_id = v_conversation.workspace_id and o.idempotency_key = 'reply:' || v_message_id::text;
    end if;
  end if;

  v_phone := case when v_patch ->> 'phone' ~ '^\+[1-9][0-9]{6,14}$' then v_patch ->> 'phone' end;
  v_language := case when v_patch ->> 'language' in ('ru', 'kk', 'en') then v_patch ->> 'language' end;
  v_qualification := v_lead.qualification
    || case when pg_catalog.jsonb_typeof(v_patch -> 'qualification') = 'object' then v_patch -> 'qualification' else '{}'::jsonb end;
  if v_lead.qualification ? 'override' then
    v_qualification := v_qualification || pg_catalog.jsonb_build_object('override', v_lead.qualification -> 'override');
  end if;
  v_status := v_lead.status;
  if not (v_lead.qualification ? 'override') and v_lead.status not in ('handed_off', 'closed') then
    v_status := case
      when v_outcome = 'qualified' then 'qualified'::public.lead_status
      when v_outcome = 'disqualified' then 'disqualified'::public.lead_status
      when v_lead.status = 'new' and v_outbound_id is not null then 'contacted'::public.lead_status
      else v_lead.status
    end;
  end if;

  update public.leads l
  set language = coalesce(v_language, l.language),
      phone = coalesce(l.phone, v_phone),
      name = coalesce(l.name, nullif(pg_catalog.btrim(v_patch ->> 'name'), '')),
      score = case when v_patch ? 'score' then (v_patch ->> 'score')::smallint else l.score end,
      qualification = v_qualification,
      status = v_status
  where l.id = v_lead.id;

  -- A phone the lead told becomes an identity of theirs, unless another lead holds it.
  if v_phone is not null then
    insert into public.lead_identities (workspace_id, lead_id, kind, value)
    values (v_lead.workspace_id, v_lead.id, 'phone', v_phone)
    on conflict (workspace_id, kind, value) do nothing;
  end if;

  return pg_catalog.jsonb_build_object('status', 'applied', 'outbound_id', v_outbound_id, 'lead_status', v_status);
end
$$;
comment on function private.apply_qualification(jsonb) is
  'Writes back qualification of one message, once (already_processed otherwise): conversation state, message language/intent/sentiment/processed_at, lead language, phone and name where empty, score, qualification (an operator''s override is kept), status per outcome unless overridden, handed off or closed; queues the reply (reply:<message id>) unless the bot is paused. Returns {status, outbound_id, lead_status}.';

revoke all on function private.ingest_inbound_message(jsonb) from public;
revoke all on function private.unprocessed_inbound(interval, integer) from public;
revoke all on function private.load_qualification_context(uuid) from public;
revoke all on function private.apply_qualification(jsonb) from public;
grant execute on function private.ingest_inbound_message(jsonb) to service_role;
grant execute on function private.unprocessed_inbound(interval, integer) to service_role;
grant execute on function private.load_qualification_context(uuid) to service_role;
grant execute on function private.apply_qualification(jsonb) to service_role;
