/** The longest wait a Retry-After may impose on one URL; a site asking for more is treated as blocking us. */
export const maxRetryAfterMs = 5 * 60_000;

/**
 * How long to wait before the next try of a URL that failed `failedTries` times: `backoffMs` × 1, 2, 4… plus up to
 * 25 % jitter (so URLs that failed together do not come back together), and never less than the server's
 * Retry-After when it sent one.
 */
export function retryDelayMs(
  failedTries: number,
  backoffMs: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const exponential = backoffMs * 2 ** Math.max(0, failedTries - 1);
  const jittered = exponential * (1 + 0.25 * random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(
  value: string | string[] | undefined | null,
  nowMs: number = Date.now(),
): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
