import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import type { LiveStatus } from "../api/watchTableChanges.ts";
import { mergeTaskChange } from "./mergeTaskChange.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { subscribeToParserTasks, type TaskChange, taskListLimit } from "./researchQueries.ts";
import type { ParserTaskRow } from "./researchRows.ts";

export type TasksState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  /** `failure`: the last refresh failed, what is shown may be out of date. */
  | { phase: "ready"; tasks: ParserTaskRow[]; failure: QueryFailureAction | null };

export interface ParserTasks {
  state: TasksState;
  live: LiveStatus;
  reload: () => Promise<void>;
  /** Shows a task the user just created or cancelled at once, before Realtime reports it. */
  apply: (task: ParserTaskRow) => void;
}

/**
 * Research tasks kept live: read with `load`, then moved by every Realtime change matching `filter`
 * (`workspace_id=eq.…`, `niche_id=eq.…`, `id=eq.…`), and read again whenever the live connection (re)opens, to
 * catch what happened while it was down. `load` and `filter` must change together (a new list).
 */
export function useParserTasks(
  client: SupabaseClient,
  filter: string,
  load: () => Promise<ParserTaskRow[]>,
  onSessionExpired: () => void,
): ParserTasks {
  const [state, setState] = useState<TasksState>({ phase: "loading" });
  const [live, setLive] = useState<LiveStatus>("connecting");
  const latestRead = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const change = useCallback((taskChange: TaskChange) => {
    setState((previous) =>
      previous.phase === "ready"
        ? { ...previous, tasks: mergeTaskChange(previous.tasks, taskChange, taskListLimit) }
        : previous,
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter names a new list, read with the new load.
  const reload = useCallback(async () => {
    latestRead.current += 1;
    const read = latestRead.current;
    try {
      const tasks = await loadRef.current();
      if (read === latestRead.current) setState({ phase: "ready", tasks, failure: null });
    } catch (error) {
      if (read !== latestRead.current) return;
      const action = readFailureAction(error, onSessionExpired);
      setState((previous) =>
        previous.phase === "ready" ? { ...previous, failure: action } : { phase: "error", action },
      );
    }
  }, [filter, onSessionExpired]);

  useEffect(() => {
    setState({ phase: "loading" });
    void reload();
  }, [reload]);

  useEffect(
    () =>
      subscribeToParserTasks(client, filter, change, {
        onStatus: (status) => {
          setLive(status);
          if (status === "connected") void reload();
        },
      }),
    [client, filter, change, reload],
  );

  const apply = useCallback((task: ParserTaskRow) => change({ kind: "upsert", task }), [change]);
  return { state, live, reload, apply };
}
