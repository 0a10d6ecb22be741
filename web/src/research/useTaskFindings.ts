import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useRef, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { listTaskPages, readTaskSummary } from "./researchQueries.ts";
import type { ParsedSiteRow } from "./researchRows.ts";
import type { TaskSummary } from "./taskSummary.ts";

export type FindingsState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  | { phase: "ready"; summary: TaskSummary; pages: ParsedSiteRow[] };

/** Progress reports come in bursts; the summary and pages are read again at most this often. */
const refreshDelayMs = 400;

/**
 * A task's summary and pages, read when the page opens and again whenever the task's counts move (`version`),
 * a moment later so a burst of progress costs one read. What is shown stays until the new read arrives.
 */
export function useTaskFindings(
  client: SupabaseClient,
  taskId: string,
  version: string,
  onSessionExpired: () => void,
): { state: FindingsState; retry: () => void } {
  const [state, setState] = useState<FindingsState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);
  const readOnce = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: moved counts (version) or a retry (attempt) read again.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        readOnce.current = true;
        Promise.all([readTaskSummary(client, taskId), listTaskPages(client, taskId)]).then(
          ([summary, pages]) => {
            if (!cancelled) setState({ phase: "ready", summary, pages });
          },
          (error: unknown) => {
            if (!cancelled) setState({ phase: "error", action: readFailureAction(error, onSessionExpired) });
          },
        );
      },
      readOnce.current ? refreshDelayMs : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, taskId, version, attempt, onSessionExpired]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
