import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { listNiches } from "./researchQueries.ts";
import type { NicheRow } from "./researchRows.ts";

export type NichesState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  | { phase: "ready"; niches: NicheRow[] };

/** The workspace's niches, read again on `reload` (a niche task may have created one). */
export function useNiches(
  client: SupabaseClient,
  workspaceId: string,
  onSessionExpired: () => void,
): { state: NichesState; reload: () => void } {
  const [state, setState] = useState<NichesState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a retry (attempt) reads the niches again.
  useEffect(() => {
    let cancelled = false;
    listNiches(client, workspaceId).then(
      (niches) => {
        if (!cancelled) setState({ phase: "ready", niches });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: "error", action: readFailureAction(error, onSessionExpired) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, workspaceId, attempt, onSessionExpired]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
