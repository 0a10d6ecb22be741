import { useI18n } from "../i18n/I18nProvider.tsx";
import type { TaskStatus } from "./researchRows.ts";

/** A task's status as a coloured, translated badge; the explanation shows on hover. */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`badge badge--task-${status}`}
      data-testid="task-status"
      data-status={status}
      title={t(`research.status.${status}.explain`)}
    >
      {t(`research.status.${status}`)}
    </span>
  );
}
