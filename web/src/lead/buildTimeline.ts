import type { MessageRow, OutboundRow } from "../api/inboxRows.ts";

/** One line of the conversation: a message said, or a reply still in the outbox. */
export type TimelineEntry =
  | { kind: "message"; at: string; message: MessageRow }
  | { kind: "outbound"; at: string; outbound: OutboundRow };

/**
 * The conversation as the operator reads it, oldest first: the messages, and after them in time the replies not
 * sent yet (queued, sending, failed, uncertain). A reply that was sent is shown as its message only.
 */
export function buildTimeline(messages: MessageRow[], outbound: OutboundRow[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((message) => ({ kind: "message" as const, at: message.sent_at, message })),
    ...outbound
      .filter((reply) => reply.status !== "sent")
      .map((reply) => ({ kind: "outbound" as const, at: reply.created_at, outbound: reply })),
  ];
  const id = (entry: TimelineEntry) => (entry.kind === "message" ? entry.message.id : entry.outbound.id);
  // Stable order for equal times: messages before queued replies, then by id.
  return entries.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      (a.kind === b.kind ? 0 : a.kind === "message" ? -1 : 1) ||
      id(a).localeCompare(id(b)),
  );
}
