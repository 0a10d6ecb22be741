import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";

/** A channel as `private.connect_channel()` returns it. */
export interface Channel {
  id: string;
  workspace_id: string;
  provider: "telegram_bot" | "waha" | "whatsapp_cloud";
  platform: "telegram" | "whatsapp";
  name: string;
  external_id: string;
  status: string;
  niche_id: string | null;
  campaign_id: string | null;
  per_chat_interval_ms: number;
  per_second_limit: number;
}

/** What a webhook hands to `private.ingest_inbound_message()`. */
export interface Inbound {
  channel_id: string;
  platform_message_id: string;
  chat_id: string;
  identity: { kind: string; value: string };
  identities?: { kind: string; value: string }[];
  name?: string | null;
  phone?: string | null;
  text?: string | null;
  choice?: string | null;
  sent_at: string;
  start_code?: string | null;
}

export interface IngestResult {
  status: "stored" | "duplicate";
  message_id: string;
  lead_id: string;
  conversation_id: string;
  workspace_id: string;
  lead_created: boolean;
}

/** A short random tag that keeps one test's chats, bots and codes apart from another's in a shared database. */
export function uniqueTag(): string {
  return randomUUID().slice(0, 8);
}

// JSON goes over the wire as text and is cast in SQL: postgres.js would JSON-encode a string bound to a jsonb
// parameter a second time.

/** Connects a channel through `private.connect_channel()` (superuser connection, as the Edge Function does). */
export async function connectChannel(
  sql: Sql,
  userId: string,
  workspaceId: string,
  settings: Record<string, unknown> = {},
): Promise<Channel> {
  const input = {
    workspace_id: workspaceId,
    provider: "telegram_bot",
    external_id: `${Math.floor(Math.random() * 1e12)}`,
    name: "Test bot",
    status: "active",
    secrets: { bot_token: "123:secret", webhook_secret: "hook-secret" },
    ...settings,
  };
  const [row] = await sql<{ channel: Channel }[]>`
    select private.connect_channel(${userId}, ${JSON.stringify(input)}::text::jsonb) as channel`;
  if (!row) throw new Error("connect_channel returned no row");
  return row.channel;
}

/** A Telegram text message from the user `chatId` (private chat: the chat id is the user id). */
export function telegramMessage(
  channel: Channel,
  chatId: string,
  messageNumber: number,
  extra: Partial<Inbound> = {},
): Inbound {
  return {
    channel_id: channel.id,
    platform_message_id: `${channel.external_id}:${chatId}:${messageNumber}`,
    chat_id: chatId,
    identity: { kind: "telegram", value: chatId },
    name: "Айгерим",
    text: `Сообщение ${messageNumber}`,
    sent_at: new Date().toISOString(),
    ...extra,
  };
}

/** Stores one inbound message as the webhook does and returns what the function answered. */
export async function ingest(sql: Sql, message: Inbound): Promise<IngestResult> {
  const [row] = await sql<{ result: IngestResult }[]>`
    select private.ingest_inbound_message(${JSON.stringify(message)}::text::jsonb) as result`;
  if (!row) throw new Error("ingest_inbound_message returned no row");
  return row.result;
}

/** What `private.apply_qualification()` takes; everything but the message id and outcome has a default. */
export interface Qualification {
  message_id: string;
  outcome: "in_progress" | "qualified" | "disqualified" | "needs_review";
  state?: Record<string, unknown>;
  language?: string;
  intent?: string;
  sentiment?: string;
  lead?: Record<string, unknown>;
  reply?: { text: string; options?: { value: string; label: string }[] } | null;
}

export interface ApplyResult {
  status: "applied" | "already_processed";
  outbound_id: string | null;
  lead_status?: string;
}

export async function applyQualification(sql: Sql, input: Qualification): Promise<ApplyResult> {
  const body = {
    state: { step: 1 },
    language: "ru",
    lead: { language: "ru", score: 40, qualification: { fields: {}, outcome: input.outcome } },
    reply: { text: "Здравствуйте! Какой у вас бюджет?" },
    ...input,
  };
  const [row] = await sql<{ result: ApplyResult }[]>`
    select private.apply_qualification(${JSON.stringify(body)}::text::jsonb) as result`;
  if (!row) throw new Error("apply_qualification returned no row");
  return row.result;
}

/** A claimed outbox row as `private.claim_outbound()` returns it. */
export interface ClaimedOutbound {
  id: string;
  conversation_id: string;
  channel_id: string;
  sender: "bot" | "human";
  text: string;
  attempts: number;
  external_chat_id: string;
  provider: string;
  per_chat_interval_ms: number;
  per_second_limit: number;
}

export async function claimOutbound(
  sql: Sql,
  channelId: string | null,
  limit = 10,
  leaseSeconds = 30,
): Promise<ClaimedOutbound[]> {
  const rows = await sql<{ claimed: ClaimedOutbound }[]>`
    select claimed from private.claim_outbound(${channelId}, ${limit}, ${leaseSeconds}) as claimed`;
  return rows.map((r) => r.claimed);
}

/** Rows of workspace A in the lead-capture tables, for the RLS matrix. */
export interface LeadCaptureRows {
  /** A Telegram bot of workspace A; the seeded conversation runs on it. */
  channelA: string;
  trackingCodeA: string;
  /** Workspace A's default qualification script. */
  scriptA: string;
  /** A bot reply waiting in the outbox on the seeded conversation. */
  outboundA: string;
}

/** Adds a channel, a tracking code, a default script and a queued reply to the seeded workspace A. */
export async function seedLeadCaptureRows(
  sql: Sql,
  f: { users: { owner: string }; workspaceA: string; campaignA: string; adA: string; conversationA: string },
): Promise<LeadCaptureRows> {
  const channel = await connectChannel(sql, f.users.owner, f.workspaceA);
  await sql`update public.conversations set channel_id = ${channel.id} where id = ${f.conversationA}`;
  const [code] = await sql<{ id: string }[]>`
    insert into public.tracking_codes (workspace_id, code, campaign_id, ad_id)
    values (${f.workspaceA}, ${`olx-${uniqueTag()}`}, ${f.campaignA}, ${f.adA}) returning id`;
  const [script] = await sql<{ id: string }[]>`
    insert into public.qualification_scripts (workspace_id, script)
    values (${f.workspaceA}, ${sql.json({ questions: [] })}) returning id`;
  const [outbound] = await sql<{ id: string }[]>`
    insert into public.outbound_messages (workspace_id, conversation_id, lead_id, channel_id, sender, text, idempotency_key)
    select workspace_id, id, lead_id, channel_id, 'bot', 'Здравствуйте!', 'seed:1'
    from public.conversations where id = ${f.conversationA}
    returning id`;
  return { channelA: channel.id, trackingCodeA: code!.id, scriptA: script!.id, outboundA: outbound!.id };
}
