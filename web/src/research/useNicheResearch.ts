import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { getNiches, listNicheReports } from "./researchQueries.ts";
import type { MarketResearchRow, NicheRow } from "./researchRows.ts";

export type NicheResearchState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  /** `niche` is null when it does not exist or is not visible. */
  | { phase: "ready"; niche: NicheRow | null; reports: MarketResearchRow[] };

/**
 * A niche and its stored reports (newest first), read again when `refresh` changes — when one of its research
 * tasks has just finished and may have added a report.
 */
export function useNicheResearch(
  client: SupabaseClient,
  nicheId: string,
  refresh: string,
  onSessionExpired: () => void,
): { state: NicheResearchState; retry: () => void } {
  const [state, setState] = useState<NicheResearchState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a finished task (refresh) or a retry (attempt) reads again.
  useEffect(() => {
    let cancelled = false;
    Promise.all([getNiches(client, [nicheId]), listNicheReports(client, nicheId)]).then(
      ([niches, reports]) => {
        if (!cancelled) setState({ phase: "ready", niche: niches[0] ?? null, reports });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: "error", action: readFailureAction(error, onSessionExpired) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, nicheId, refresh, attempt, onSessionExpired]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
