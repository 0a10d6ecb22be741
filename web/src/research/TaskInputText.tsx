import { useI18n } from "../i18n/I18nProvider.tsx";
import type { ParserTaskRow } from "./researchRows.ts";
import { useTaskDescription } from "./useTaskDescription.ts";

/** What a task was asked to do, in one line (see `useTaskDescription`). */
export function TaskInputText({ task }: { task: Pick<ParserTaskRow, "kind" | "input"> }) {
  const { t } = useI18n();
  const describe = useTaskDescription();
  const text = describe(task);
  return text === null ? (
    <span className="task-input muted">{t("research.input.unknown")}</span>
  ) : (
    <span className="task-input">{text}</span>
  );
}
