import { describe, expect, it } from "vitest";
import type { MessageRow, OutboundRow } from "../api/inboxRows.ts";
import { buildTimeline } from "./buildTimeline.ts";

const leadId = "00000000-0000-4000-8000-000000000001";
const conversationId = "00000000-0000-4000-8000-0000000000c1";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 9, minute)).toISOString();

function message(n: number, minute: number, sender: MessageRow["sender"] = "lead"): MessageRow {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    conversation_id: conversationId,
    lead_id: leadId,
    platform: "telegram",
    sender,
    sender_user_id: null,
    text: `сообщение ${n}`,
    sent_at: at(minute),
  };
}

function reply(n: number, minute: number, status: OutboundRow["status"]): OutboundRow {
  return {
    id: `00000000-0000-4000-8000-${String(100 + n).padStart(12, "0")}`,
    lead_id: leadId,
    conversation_id: conversationId,
    sender: "human",
    text: `ответ ${n}`,
    status,
    attempts: 0,
    last_error: null,
    created_at: at(minute),
    sent_at: null,
  };
}

const describeEntries = (entries: ReturnType<typeof buildTimeline>) =>
  entries.map((entry) =>
    entry.kind === "message" ? entry.message.text : `${entry.outbound.text} [${entry.outbound.status}]`,
  );

describe("buildTimeline", () => {
  it("puts messages and unsent replies in time order", () => {
    const timeline = buildTimeline(
      [message(1, 0), message(2, 1, "bot"), message(3, 5)],
      [reply(1, 3, "pending"), reply(2, 6, "failed")],
    );
    expect(describeEntries(timeline)).toEqual([
      "сообщение 1",
      "сообщение 2",
      "ответ 1 [pending]",
      "сообщение 3",
      "ответ 2 [failed]",
    ]);
  });

  it("shows a sent reply only as its message, never twice", () => {
    const timeline = buildTimeline([message(1, 0)], [reply(1, 1, "sent")]);
    expect(describeEntries(timeline)).toEqual(["сообщение 1"]);
  });

  it("orders a message before a queued reply of the same instant", () => {
    const timeline = buildTimeline([message(1, 2)], [reply(1, 2, "sending")]);
    expect(timeline.map((entry) => entry.kind)).toEqual(["message", "outbound"]);
  });
});
