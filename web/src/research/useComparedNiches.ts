import type { NicheReport } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { readNicheReport } from "./readNicheReport.ts";
import { getNiches, listNicheReports } from "./researchQueries.ts";
import type { NicheRow } from "./researchRows.ts";

/** A compared niche with its latest readable report (null when it has none yet). */
export interface ComparedNiche {
  niche: NicheRow;
  report: NicheReport | null;
}

export type ComparedState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  /** In the order the ids were given; niches that are gone are left out. */
  | { phase: "ready"; niches: ComparedNiche[] };

/** The niches to compare and the latest report of each, read in parallel. */
export function useComparedNiches(
  client: SupabaseClient,
  nicheIds: readonly string[],
  onSessionExpired: () => void,
): { state: ComparedState; retry: () => void } {
  const [state, setState] = useState<ComparedState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);
  const key = nicheIds.join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids (key) or a retry (attempt) read again.
  useEffect(() => {
    let cancelled = false;
    const ids = key === "" ? [] : key.split(",");
    Promise.all([getNiches(client, ids), Promise.all(ids.map((id) => listNicheReports(client, id, 1)))]).then(
      ([niches, reports]) => {
        if (cancelled) return;
        const compared = ids.flatMap((id, index): ComparedNiche[] => {
          const niche = niches.find((row) => row.id === id);
          const latest = reports[index]?.[0];
          return niche === undefined
            ? []
            : [{ niche, report: latest === undefined ? null : readNicheReport(latest) }];
        });
        setState({ phase: "ready", niches: compared });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: "error", action: readFailureAction(error, onSessionExpired) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, key, attempt, onSessionExpired]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
