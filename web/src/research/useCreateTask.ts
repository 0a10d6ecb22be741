import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useRef, useState } from "react";
import type { MessageKey } from "../i18n/ru.ts";
import type { MessageParams } from "../i18n/translate.ts";
import { createParserTask } from "./researchQueries.ts";
import type { ParserTaskRow, TaskKind } from "./researchRows.ts";
import { taskFailureMessage } from "./taskFailureMessage.ts";

export interface CreateTask {
  busy: boolean;
  problem: { key: MessageKey; params?: MessageParams } | null;
  /** Sends the task; resolves with it, or null when it was refused or failed (`problem` says why). */
  create: (
    kind: TaskKind,
    input: Record<string, unknown>,
    nicheId: string | null,
  ) => Promise<ParserTaskRow | null>;
  /** The form changed: the next submission is a new request with a new idempotency key. */
  edited: () => void;
}

/**
 * Creating research tasks from a form. Each submission of a draft carries one idempotency key
 * (`crypto.randomUUID()`), kept until the draft changes or the task is created: a double click, or a retry after a
 * lost answer, creates the task once.
 */
export function useCreateTask(
  client: SupabaseClient,
  workspaceId: string,
  onSessionExpired: () => void,
): CreateTask {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CreateTask["problem"]>(null);
  const draftKey = useRef<string | null>(null);
  const sending = useRef(false);

  const create = useCallback<CreateTask["create"]>(
    async (kind, input, nicheId) => {
      if (sending.current) return null;
      sending.current = true;
      draftKey.current ??= crypto.randomUUID();
      setBusy(true);
      setProblem(null);
      try {
        const task = await createParserTask(client, {
          workspaceId,
          kind,
          input,
          idempotencyKey: draftKey.current,
          nicheId,
        });
        draftKey.current = null;
        return task;
      } catch (error) {
        setProblem(taskFailureMessage(error, onSessionExpired));
        return null;
      } finally {
        sending.current = false;
        setBusy(false);
      }
    },
    [client, workspaceId, onSessionExpired],
  );

  const edited = useCallback(() => {
    draftKey.current = null;
  }, []);

  return { busy, problem, create, edited };
}
