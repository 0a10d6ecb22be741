-- Qualification (docs/lead-capture.md): the scripts the bot follows per niche, and what a conversation needs to
-- hold for the bot to follow them - the channel it runs on, where the lead is in the script (state), the time of
-- the lead's latest message (WhatsApp Cloud API's 24-hour window), the time of our latest send (per-chat rate),
-- whether a human must look at it, and who took it over. A lead's message records when qualification handled it.

-- Qualification scripts ---------------------------------------------------------------------------------------------

create table public.qualification_scripts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  niche_id uuid,
  name text not null default 'Default',
  script jsonb not null,
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint qualification_scripts_workspace_id_id_key unique (workspace_id, id),
  -- One script per niche, and one workspace default (niche_id null).
  constraint qualification_scripts_workspace_niche_key unique nulls not distinct (workspace_id, niche_id),
  constraint qualification_scripts_niche_fkey foreign key (workspace_id, niche_id)
    references public.niches (workspace_id, id) on delete cascade,
  constraint qualification_scripts_name_present check (length(btrim(name)) between 1 and 200),
  constraint qualification_scripts_script_has_questions check (jsonb_typeof(script) = 'object' and script ? 'questions')
);
comment on table public.qualification_scripts is
  'What the bot asks the leads of a niche (niche_id null: the workspace''s default for every niche without its own): questions with weights and texts in ru/kk/en, the score thresholds, budget, timeline and cities that qualify, the greeting and closing texts. One per niche and one default per workspace; a JSON object with "questions" (its shape is checked by packages/shared). Operators and above write scripts; goes with its niche.';
comment on column public.qualification_scripts.script is
  '{questions: [{key, weight, required, text: {ru, kk, en}, options?}], qualify_at, disqualify_below, min_budget_kzt, max_timeline_days, cities, texts: {greeting, qualified, disqualified, review}}';
comment on column public.qualification_scripts.updated_by is 'The signed-in user who last wrote the script (stamped by trigger).';
create index qualification_scripts_updated_by_idx on public.qualification_scripts (updated_by);
alter table public.qualification_scripts enable row level security;
create trigger qualification_scripts_set_updated_at before update on public.qualification_scripts
  for each row execute function private.set_updated_at();
revoke all on table public.qualification_scripts from anon, authenticated;
grant select, insert, update, delete on table public.qualification_scripts to authenticated;
grant all on table public.qualification_scripts to service_role;

-- A script names who last wrote it: the signed-in user, whatever the row says (server-side writers name whom they like).
create function private.stamp_updated_by() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_by := coalesce(auth.uid(), new.updated_by);
  return new;
end
$$;
comment on function private.stamp_updated_by() is
  'Sets updated_by to the signed-in user on every insert and update (server-side writers without one keep what they give).';
revoke all on function private.stamp_updated_by() from public;
create trigger qualification_scripts_stamp_updated_by before insert or update on public.qualification_scripts
  for each row execute function private.stamp_updated_by();

create policy "Members read qualification scripts of their workspace" on public.qualification_scripts
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));
create policy "Operators add qualification scripts to their workspace" on public.qualification_scripts
  for insert to authenticated
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators update qualification scripts of their workspace" on public.qualification_scripts
  for update to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')))
  with check (workspace_id in (select private.workspaces_with_role('operator')));
create policy "Operators delete qualification scripts of their workspace" on public.qualification_scripts
  for delete to authenticated
  using (workspace_id in (select private.workspaces_with_role('operator')));

-- Conversations: the channel, the bot's state, the timings and who must look ----------------------------------------

alter table public.conversations
  add column channel_id uuid,
  add column state jsonb not null default '{}'::jsonb,
  add column last_inbound_at timestamptz,
  add column last_sent_at timestamptz,
  add column needs_human text,
  add column taken_over_by uuid references auth.users (id) on delete set null,
  add column taken_over_at timestamptz,
  -- A conversation outlives its channel (its history stays); it only stops being answerable.
  add constraint conversations_channel_fkey foreign key (workspace_id, channel_id)
    references public.channels (workspace_id, id) on delete set null (channel_id),
  add constraint conversations_state_object check (jsonb_typeof(state) = 'object'),
  add constraint conversations_needs_human_known
    check (needs_human in ('template_required', 'send_failed', 'send_uncertain'));
comment on column public.conversations.channel_id is 'The channel the lead wrote to and replies go out on; null for chats not captured by a channel.';
comment on column public.conversations.state is 'Where the lead is in the qualification script (jsonb object, kept by packages/shared).';
comment on column public.conversations.last_inbound_at is 'When the lead last wrote: WhatsApp Cloud API allows free-form replies for 24 hours after it.';
comment on column public.conversations.last_sent_at is 'When a message to this chat was last handed to the provider: the per-chat send rate counts from it.';
comment on column public.conversations.needs_human is
  'Why a human must look, or null: template_required (Cloud API window closed), send_failed (gave up sending), send_uncertain (a send may or may not have arrived; never resent automatically).';
comment on column public.conversations.taken_over_by is 'The operator who took the conversation over from the bot (bot_paused), if one did.';
create index conversations_workspace_channel_idx on public.conversations (workspace_id, channel_id);
create index conversations_taken_over_by_idx on public.conversations (taken_over_by);
create index conversations_workspace_needs_human_idx on public.conversations (workspace_id, updated_at desc)
  where needs_human is not null;

-- Messages: the button pressed, when qualification handled it, the outbound message it was sent as ---------------------

alter table public.messages
  add column choice text,
  add column processed_at timestamptz,
  add column outbound_id uuid;
comment on column public.messages.choice is 'The value of the bot''s button the lead pressed (text holds its label).';
comment on column public.messages.processed_at is
  'A lead''s message: when qualification handled it (null until then; the sweep picks up what is left). Bot and operator messages: when stored.';
comment on column public.messages.outbound_id is 'The outbox row (public.outbound_messages) a sent message came from.';
-- What the sweep looks for: captured messages of leads that qualification has not handled yet.
create index messages_unprocessed_idx on public.messages (created_at) where sender = 'lead' and processed_at is null;

-- Messages stored before qualification existed count as handled: the sweep must not answer old conversations.
update public.messages set processed_at = created_at where sender = 'lead' and processed_at is null;
