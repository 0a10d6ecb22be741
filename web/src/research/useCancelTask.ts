import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useState } from "react";
import type { MessageKey } from "../i18n/ru.ts";
import type { MessageParams } from "../i18n/translate.ts";
import { cancelParserTask } from "./researchQueries.ts";
import type { ParserTaskRow } from "./researchRows.ts";
import { taskFailureMessage } from "./taskFailureMessage.ts";

/**
 * Cancelling tasks: which are on their way, and what went wrong with the last one. The cancelled task the server
 * returns is shown at once (`onCancelled`), before Realtime reports it.
 */
export function useCancelTask(
  client: SupabaseClient,
  onCancelled: (task: ParserTaskRow) => void,
  onSessionExpired: () => void,
): {
  cancelling: ReadonlySet<string>;
  problem: { key: MessageKey; params?: MessageParams } | null;
  cancel: (task: ParserTaskRow) => void;
} {
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);

  const cancel = useCallback(
    (task: ParserTaskRow) => {
      setProblem(null);
      setCancelling((previous) => new Set(previous).add(task.id));
      cancelParserTask(client, task.id)
        .then(onCancelled, (error: unknown) => setProblem(taskFailureMessage(error, onSessionExpired)))
        .finally(() =>
          setCancelling((previous) => {
            const next = new Set(previous);
            next.delete(task.id);
            return next;
          }),
        );
    },
    [client, onCancelled, onSessionExpired],
  );

  return { cancelling, problem, cancel };
}
