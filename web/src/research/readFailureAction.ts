import { DashboardQueryError, type QueryFailureAction } from "../api/DashboardQueryError.ts";

/**
 * What a failed research query calls for. A failure that is not a `DashboardQueryError` (a bug) or a
 * `malformed` answer is logged; an expired session signs the user out.
 */
export function readFailureAction(error: unknown, onSessionExpired: () => void): QueryFailureAction {
  const action = error instanceof DashboardQueryError ? error.action : "retry-later";
  if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
  if (action === "sign-in-again") onSessionExpired();
  return action;
}
