import type { MessageKey } from "../i18n/ru.ts";
import type { MessageParams } from "../i18n/translate.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { TaskRefusedError } from "./TaskRefusedError.ts";

/**
 * What to tell the operator when creating or cancelling a task failed: the server's refusal translated (with the
 * URL it refused), else what the failure calls for (sign in again, try later…).
 */
export function taskFailureMessage(
  error: unknown,
  onSessionExpired: () => void,
): { key: MessageKey; params?: MessageParams } {
  if (error instanceof TaskRefusedError) {
    return { key: `research.refusal.${error.reason}`, params: { culprit: error.culprit ?? "" } };
  }
  return { key: `error.${readFailureAction(error, onSessionExpired)}` };
}
