import type { ConversationRow, NeedsHumanReason } from "../api/inboxRows.ts";

/** What the operator must know about a lead's chats at a glance. */
export interface ConversationsSummary {
  /** The bot is silent on at least one chat: an operator answers. */
  botPaused: boolean;
  /** Who took the lead over and when (the latest take-over), if anyone did. */
  takenOverBy: string | null;
  takenOverAt: string | null;
  /** Why a person must look, each reason once, in a fixed order. */
  needsHuman: NeedsHumanReason[];
  /** The lead has a chat with a connected channel, so a reply can go out. */
  canReply: boolean;
}

const reasonOrder: NeedsHumanReason[] = ["send_uncertain", "send_failed", "template_required"];

/** Sums up a lead's conversations (usually one) for the bot state, the take-over and the "needs you" notice. */
export function summarizeConversations(conversations: ConversationRow[]): ConversationsSummary {
  const latestTakeOver = conversations
    .filter((conversation) => conversation.taken_over_at !== null)
    .sort((a, b) => Date.parse(b.taken_over_at ?? "") - Date.parse(a.taken_over_at ?? ""))[0];
  const reasons = new Set(conversations.map((conversation) => conversation.needs_human));
  return {
    botPaused: conversations.some((conversation) => conversation.bot_paused),
    takenOverBy: latestTakeOver?.taken_over_by ?? null,
    takenOverAt: latestTakeOver?.taken_over_at ?? null,
    needsHuman: reasonOrder.filter((reason) => reasons.has(reason)),
    canReply: conversations.some((conversation) => conversation.channel_id !== null),
  };
}
