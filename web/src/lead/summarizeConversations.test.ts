import { describe, expect, it } from "vitest";
import type { ConversationRow } from "../api/inboxRows.ts";
import { summarizeConversations } from "./summarizeConversations.ts";

const operatorA = "0a000000-0000-4000-8000-00000000000a";
const operatorB = "0b000000-0000-4000-8000-00000000000b";

function conversation(overrides: Partial<ConversationRow>): ConversationRow {
  return {
    id: "00000000-0000-4000-8000-0000000000c1",
    lead_id: "00000000-0000-4000-8000-000000000001",
    platform: "whatsapp",
    channel_id: "00000000-0000-4000-8000-0000000000d1",
    bot_paused: false,
    needs_human: null,
    taken_over_by: null,
    taken_over_at: null,
    last_message_at: null,
    last_inbound_at: null,
    ...overrides,
  };
}

describe("summarizeConversations", () => {
  it("says the bot answers a lead nobody took over", () => {
    expect(summarizeConversations([conversation({})])).toEqual({
      botPaused: false,
      takenOverBy: null,
      takenOverAt: null,
      needsHuman: [],
      canReply: true,
    });
  });

  it("names the latest take-over and lists each reason once, the most urgent first", () => {
    const summary = summarizeConversations([
      conversation({
        bot_paused: true,
        taken_over_by: operatorA,
        taken_over_at: "2026-11-21T09:00:00Z",
        needs_human: "template_required",
      }),
      conversation({
        taken_over_by: operatorB,
        taken_over_at: "2026-11-21T10:00:00Z",
        needs_human: "send_uncertain",
      }),
      conversation({ needs_human: "template_required" }),
    ]);
    expect(summary).toMatchObject({
      botPaused: true,
      takenOverBy: operatorB,
      needsHuman: ["send_uncertain", "template_required"],
    });
  });

  it("cannot reply to a lead whose chats have no channel, or who has none", () => {
    expect(summarizeConversations([conversation({ channel_id: null })]).canReply).toBe(false);
    expect(summarizeConversations([]).canReply).toBe(false);
  });
});
