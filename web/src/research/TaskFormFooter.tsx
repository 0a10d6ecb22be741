import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { ParserTaskRow } from "./researchRows.ts";
import { TaskCreatedNotice } from "./TaskCreatedNotice.tsx";
import type { CreateTask } from "./useCreateTask.ts";

/**
 * The end of a research form: what is wrong with the input (checked before sending), what the server refused,
 * the task just created, and the submit button. `testIdPrefix` names each part ("parse-problems", "niche-submit"…).
 */
export function TaskFormFooter({
  testIdPrefix,
  problems,
  creator,
  created,
  submitLabel,
}: {
  testIdPrefix: string;
  problems: Array<{ key: string; text: ReactNode }>;
  creator: CreateTask;
  created: ParserTaskRow | null;
  submitLabel: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {problems.length > 0 && (
        <div className="form-error" role="alert" data-testid={`${testIdPrefix}-problems`}>
          <ul>
            {problems.map((problem) => (
              <li key={problem.key}>{problem.text}</li>
            ))}
          </ul>
        </div>
      )}
      {creator.problem !== null && (
        <p className="form-error" role="alert" data-testid={`${testIdPrefix}-error`}>
          {t(creator.problem.key, creator.problem.params)}
        </p>
      )}
      {created !== null && <TaskCreatedNotice task={created} testId={`${testIdPrefix}-created`} />}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="submit"
          data-testid={`${testIdPrefix}-submit`}
          disabled={creator.busy}
        >
          {creator.busy ? t("research.form.sending") : submitLabel}
        </button>
      </div>
    </>
  );
}
