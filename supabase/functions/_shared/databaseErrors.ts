/**
 * Tells a database that cannot be reached (connection refused, timed out, shutting down, too many clients) from
 * a query that failed on its merits. The first means "answer 503 so the sender retries"; the second is a bug or
 * bad input.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "53400", // configuration_limit_exceeded
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "40001", // serialization_failure: retrying is the documented answer
  "40P01", // deadlock_detected
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && unavailableCodes.has(code)) return true;
    const name = (current as { name?: unknown }).name;
    if (name === "ConnectionRefused" || name === "ConnectionReset") return true;
    current = (current as { cause?: unknown }).cause ?? (current as { error?: unknown }).error;
  }
  return false;
}
