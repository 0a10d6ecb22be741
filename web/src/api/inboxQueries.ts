/**
 * The operator's inbox: the lead search, one lead's page (lead, conversations, messages, outbox) with its live
 * changes, and the operator's actions (take over, hand back, reply, override). Plain functions of a
 * `SupabaseClient` that return parsed data (zod, `inboxRows.ts`) or throw an error that says what to do. No DOM.
 */
import type { Language } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { DashboardQueryError } from "./DashboardQueryError.ts";
import {
  type CampaignRow,
  type ConversationRow,
  campaignRowSchema,
  conversationColumns,
  conversationRowSchema,
  type InboxLeadRow,
  inboxLeadRowSchema,
  type LeadDetailRow,
  leadDetailColumns,
  leadDetailRowSchema,
  type MessageRow,
  messageColumns,
  messageRowSchema,
  type OutboundRow,
  type OutboundStatus,
  outboundColumns,
  outboundRowSchema,
} from "./inboxRows.ts";
import { invokeEdgeFunction } from "./invokeEdgeFunction.ts";
import { ReplyRefusedError } from "./ReplyRefusedError.ts";
import { parseAnswer, throwIfFailed } from "./readAnswer.ts";
import { idSchema, type LeadStatus, type Platform } from "./rows.ts";
import { type LiveStatus, type WatchOptions, watchTableChanges } from "./watchTableChanges.ts";

/** What the inbox filters by; null (or a blank search) means "any". */
export interface LeadSearchFilters {
  status: LeadStatus | null;
  source: Platform | null;
  campaignId: string | null;
  /** Inclusive score range 0–100. */
  scoreMin: number | null;
  scoreMax: number | null;
  language: Language | null;
  /** Part of a name or phone number. */
  search: string;
}

/** One page of the filtered inbox. */
export interface InboxQuery extends LeadSearchFilters {
  workspaceId: string;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export interface InboxPage {
  /** Newest first. */
  leads: InboxLeadRow[];
  /** How many leads match the filters in all pages (0 when this page is past the end). */
  total: number;
}

/** One page of the workspace's leads matching the filters, through `search_leads(…)`. */
export async function searchLeads(client: SupabaseClient, query: InboxQuery): Promise<InboxPage> {
  if (!Number.isInteger(query.page) || query.page < 1) {
    throw new RangeError(`page must be an integer ≥ 1, got ${query.page}`);
  }
  const search = query.search.trim();
  const answer = await client.rpc("search_leads", {
    p_workspace_id: query.workspaceId,
    p_statuses: query.status === null ? null : [query.status],
    p_sources: query.source === null ? null : [query.source],
    p_campaign_id: query.campaignId,
    p_score_min: query.scoreMin,
    p_score_max: query.scoreMax,
    p_language: query.language,
    p_query: search === "" ? null : search,
    p_limit: query.pageSize,
    p_offset: (query.page - 1) * query.pageSize,
  });
  throwIfFailed("search_leads", answer);
  const leads = parseAnswer("search_leads", z.array(inboxLeadRowSchema), answer.data);
  return { leads, total: leads[0]?.total_count ?? 0 };
}

/** Everything the lead page shows about one lead; `lead` is null when it does not exist or is not visible. */
export interface LeadActivity {
  lead: LeadDetailRow | null;
  conversations: ConversationRow[];
  /** Oldest first; at most the latest `messageLimit`. */
  messages: MessageRow[];
  /** Replies not sent yet (queued, sending, failed or uncertain), oldest first. */
  unsent: OutboundRow[];
}

/** The lead page shows at most this many of the latest messages. */
export const messageLimit = 300;

const unsentStatuses: OutboundStatus[] = ["pending", "sending", "failed", "uncertain"];

/** One lead, its conversations, its latest messages and its unsent replies, read in parallel. */
export async function loadLeadActivity(client: SupabaseClient, leadId: string): Promise<LeadActivity> {
  const [lead, conversations, messages, unsent] = await Promise.all([
    client.from("leads").select(leadDetailColumns).eq("id", leadId),
    client
      .from("conversations")
      .select(conversationColumns)
      .eq("lead_id", leadId)
      .order("last_message_at", { ascending: false, nullsFirst: false }),
    client
      .from("messages")
      .select(messageColumns)
      .eq("lead_id", leadId)
      .order("sent_at", { ascending: false })
      .range(0, messageLimit - 1),
    client
      .from("outbound_messages")
      .select(outboundColumns)
      .eq("lead_id", leadId)
      .in("status", unsentStatuses)
      .order("created_at", { ascending: true }),
  ]);
  throwIfFailed("leads", lead);
  throwIfFailed("conversations", conversations);
  throwIfFailed("messages", messages);
  throwIfFailed("outbound_messages", unsent);
  const leads = parseAnswer("leads", z.array(leadDetailRowSchema), lead.data);
  return {
    lead: leads[0] ?? null,
    conversations: parseAnswer("conversations", z.array(conversationRowSchema), conversations.data),
    messages: parseAnswer("messages", z.array(messageRowSchema), messages.data).reverse(),
    unsent: parseAnswer("outbound_messages", z.array(outboundRowSchema), unsent.data),
  };
}

/** A campaign's name and niche, or null when it is gone. */
export async function getCampaign(client: SupabaseClient, campaignId: string): Promise<CampaignRow | null> {
  const answer = await client.from("campaigns").select("id,name,niche_id").eq("id", campaignId);
  throwIfFailed("campaigns", answer);
  return parseAnswer("campaigns", z.array(campaignRowSchema), answer.data)[0] ?? null;
}

/** The tables whose changes touch a lead's page. */
export type LeadActivityTable = "leads" | "messages" | "conversations" | "outbound_messages";

/**
 * Calls `onChange` with the table whenever the lead, its messages, conversations or outbox change (Realtime,
 * RLS decides). The reported live status is the messages feed's: it is what the operator waits on. Returns the
 * function that unsubscribes.
 */
export function subscribeToLeadActivity(
  client: SupabaseClient,
  leadId: string,
  onChange: (table: LeadActivityTable) => void,
  options: WatchOptions = {},
): () => void {
  const stops = [
    watchTableChanges(client, "messages", `lead_id=eq.${leadId}`, () => onChange("messages"), options),
    watchTableChanges(client, "leads", `id=eq.${leadId}`, () => onChange("leads")),
    watchTableChanges(client, "conversations", `lead_id=eq.${leadId}`, () => onChange("conversations")),
    watchTableChanges(client, "outbound_messages", `lead_id=eq.${leadId}`, () =>
      onChange("outbound_messages"),
    ),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

export type { LiveStatus };

/** Pauses the bot on every conversation of the lead: from now on an operator answers. */
export async function takeOverLead(client: SupabaseClient, leadId: string): Promise<void> {
  const answer = await client.rpc("take_over_lead", { p_lead_id: leadId });
  throwIfFailed("take_over_lead", answer);
}

/** Gives the lead back to the bot. */
export async function handBackLead(client: SupabaseClient, leadId: string): Promise<void> {
  const answer = await client.rpc("hand_back_lead", { p_lead_id: leadId });
  throwIfFailed("hand_back_lead", answer);
}

/**
 * Queues an operator's reply to the lead and returns the outbox id. The same `idempotencyKey` queues it once,
 * however often the call is repeated. Throws `ReplyRefusedError` when the platform does not allow a reply now
 * or there is no channel.
 */
export async function sendOperatorReply(
  client: SupabaseClient,
  leadId: string,
  text: string,
  idempotencyKey: string,
): Promise<string> {
  const answer = await client.rpc("send_operator_reply", {
    p_lead_id: leadId,
    p_text: text,
    p_idempotency_key: idempotencyKey,
  });
  if (answer.error !== null) {
    const message = answer.error.message;
    if (message.includes("outside_24h_window"))
      throw new ReplyRefusedError("outside_24h_window", { cause: answer.error });
    if (message.includes("no_channel")) throw new ReplyRefusedError("no_channel", { cause: answer.error });
  }
  throwIfFailed("send_operator_reply", answer);
  return parseAnswer("send_operator_reply", idSchema, answer.data);
}

const dispatchResultSchema = z.object({ sent: z.number().int().min(0), failed: z.number().int().min(0) });

/**
 * Asks the `outbox-dispatch` function to send the lead's queued messages now, instead of waiting for the sweep.
 * Throws `EdgeFunctionError`; the messages stay queued either way.
 */
export async function dispatchOutbox(
  client: SupabaseClient,
  leadId: string,
): Promise<{ sent: number; failed: number }> {
  const data = await invokeEdgeFunction(client, "outbox-dispatch", { lead_id: leadId });
  return parseAnswer("outbox-dispatch", dispatchResultSchema, data);
}

/** Sets the lead's status by hand, with the reason; the bot never changes it back. */
export async function overrideLeadStatus(
  client: SupabaseClient,
  leadId: string,
  status: LeadStatus,
  reason: string,
): Promise<void> {
  const trimmed = reason.trim();
  if (trimmed === "") {
    throw new DashboardQueryError("override_lead_status", "rejected", "a reason is required");
  }
  const answer = await client.rpc("override_lead_status", {
    p_lead_id: leadId,
    p_status: status,
    p_reason: trimmed,
  });
  throwIfFailed("override_lead_status", answer);
}

/**
 * Calls `onChange` whenever a conversation of the workspace changes (bot paused, needs a person, new message
 * time): the inbox re-reads its markers. Returns the function that unsubscribes.
 */
export function subscribeToConversations(
  client: SupabaseClient,
  workspaceId: string,
  onChange: () => void,
): () => void {
  return watchTableChanges(client, "conversations", `workspace_id=eq.${workspaceId}`, onChange);
}
