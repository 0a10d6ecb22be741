/** What the outbox should do with a message whose send failed. Exactly one of the first four holds. */
export interface SendErrorOptions {
  /** Try again later (after `retryAfterSeconds` when the provider said so): rate limit, 5xx, refused connection. */
  retryable?: boolean;
  /** Never resend: the provider refused this message for good (or the credentials are wrong). */
  permanent?: boolean;
  /**
   * The provider may have sent it (a timeout or a 2xx without an id): resending could deliver twice, because
   * neither WAHA nor the Cloud API takes an idempotency key. The outbox marks it `send_uncertain`.
   */
  uncertain?: boolean;
  /** Cloud API 131047: more than 24 hours since the lead last wrote; only a template can reach them now. */
  outsideWindow?: boolean;
  /** The credentials are wrong or expired (401, Graph 190): an operator must reconnect the channel. */
  reauthenticate?: boolean;
  retryAfterSeconds?: number | null;
  /** The HTTP status answered, null when there was no answer. */
  status?: number | null;
  /** The provider's own error code (Graph `error.code`), when it gave one. */
  providerCode?: number | null;
  cause?: unknown;
}

/**
 * A message could not be handed to WhatsApp (WAHA or the Cloud API). The flags say what the caller does next —
 * `fail_outbound(retry_after, permanent)`, or flag the lead for an operator — and the message never holds a token.
 */
export class SendError extends Error {
  override readonly name = "SendError";
  readonly retryable: boolean;
  readonly permanent: boolean;
  readonly uncertain: boolean;
  readonly outsideWindow: boolean;
  readonly reauthenticate: boolean;
  readonly retryAfterSeconds: number | null;
  readonly status: number | null;
  readonly providerCode: number | null;

  constructor(message: string, options: SendErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.outsideWindow = options.outsideWindow ?? false;
    this.reauthenticate = options.reauthenticate ?? false;
    this.uncertain = options.uncertain ?? false;
    this.permanent = options.permanent ?? (this.outsideWindow || this.reauthenticate);
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.status = options.status ?? null;
    this.providerCode = options.providerCode ?? null;
  }
}

/**
 * Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date. Null when absent or unreadable;
 * never negative.
 */
export function readRetryAfterSeconds(value: string | null, now: Date = new Date()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** Replaces every occurrence of the secrets in a provider's text, so an error message can be logged safely. */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join("[redacted]");
  }
  return result;
}

/** A fetch failure: a timeout (the provider may have the request) or a refused/failed connection (it has not). */
export function sendErrorFromFetchFailure(provider: string, error: unknown): SendError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new SendError(`${provider} did not answer in time; the message may have been sent`, {
      uncertain: true,
      cause: error,
    });
  }
  return new SendError(`${provider} could not be reached`, { retryable: true, cause: error });
}
