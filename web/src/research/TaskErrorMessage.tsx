import { useI18n } from "../i18n/I18nProvider.tsx";
import type { TaskError } from "./researchRows.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/**
 * Why a task (or its last try) failed: the code translated when it is one the worker is known to use, the
 * worker's own words as the detail.
 */
export function TaskErrorMessage({ error, retrying }: { error: TaskError; retrying: boolean }) {
  const { t } = useI18n();
  const translate = useTranslatedCode();
  const explanation = translate(
    `research.taskError.${error.code}`,
    t("research.taskError.other", { code: error.code }),
  );
  return (
    <div className="form-error task-error" role="alert" data-testid="task-error" data-code={error.code}>
      <p>{retrying ? t("research.taskError.retrying", { reason: explanation }) : explanation}</p>
      {error.message !== undefined && error.message !== null && error.message.trim() !== "" && (
        <p className="task-error__detail">
          <code>{error.code}</code> {error.message}
        </p>
      )}
    </div>
  );
}
