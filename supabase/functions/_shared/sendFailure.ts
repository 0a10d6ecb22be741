/**
 * What a failed send means for the outbox: try again later (with the platform's own wait when it gave one), give
 * up, the WhatsApp 24-hour window is closed (a template or a human is needed), or the outcome is unknown — the
 * request may have reached the platform, so it is never resent automatically.
 */
export class SendFailure extends Error {
  override readonly name = "SendFailure";
  constructor(
    readonly kind: "retry" | "permanent" | "outside_window" | "uncertain",
    message: string,
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
