/**
 * Why the server refused to queue an operator's reply:
 * - `outside_24h_window`: WhatsApp Cloud API allows only a template more than 24 h after the lead last wrote;
 * - `no_channel`: the lead's conversation has no connected channel to reply through.
 */
export type ReplyRefusal = "outside_24h_window" | "no_channel";

/** The reply was not queued; `reason` is what the operator is told. Nothing was sent. */
export class ReplyRefusedError extends Error {
  override readonly name = "ReplyRefusedError";
  readonly reason: ReplyRefusal;

  constructor(reason: ReplyRefusal, options?: { cause?: unknown }) {
    super(`send_operator_reply refused: ${reason}`, options);
    this.reason = reason;
  }
}
