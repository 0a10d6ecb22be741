/**
 * What the caller of a dashboard query should do about a failure:
 * - `sign-in-again`: the session is missing or expired;
 * - `retry-later`: the network or the server is down, the same call may succeed later;
 * - `rejected`: the server refused this request (permissions, bad input, unsupported); retrying will not help;
 * - `malformed`: the server answered in a shape this dashboard does not understand (version mismatch).
 */
export type QueryFailureAction = "sign-in-again" | "retry-later" | "rejected" | "malformed";

/** A dashboard query failed; `action` says what to do, `message` says what happened (never a secret). */
export class DashboardQueryError extends Error {
  override readonly name = "DashboardQueryError";
  readonly action: QueryFailureAction;
  readonly query: string;

  constructor(query: string, action: QueryFailureAction, message: string, options?: { cause?: unknown }) {
    super(`${query}: ${message}`, options);
    this.action = action;
    this.query = query;
  }
}
