import type { QueryFailureAction } from "./DashboardQueryError.ts";

/**
 * Maps a PostgREST failure (HTTP status and PostgREST/Postgres error code) to what the caller should do.
 * `status` 0 is what postgrest-js reports when fetch itself failed; 501 means "not supported here", which no
 * retry fixes.
 */
export function classifyQueryFailure(status: number, code: string | undefined): QueryFailureAction {
  if (status === 401 || code === "PGRST301" || code === "PGRST302" || code === "PGRST303")
    return "sign-in-again";
  if (status === 0 || status === 408 || status === 429) return "retry-later";
  if (status >= 500 && status !== 501) return "retry-later";
  return "rejected";
}
