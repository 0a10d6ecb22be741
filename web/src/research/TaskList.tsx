import { routeHash } from "../app/route.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { formatRelativeTime } from "../format/formatRelativeTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useNow } from "../leads/useNow.ts";
import { isTaskActive, type ParserTaskRow } from "./researchRows.ts";
import { TaskInputText } from "./TaskInputText.tsx";
import { TaskProgressBar } from "./TaskProgressBar.tsx";
import { TaskStatusBadge } from "./TaskStatusBadge.tsx";

/**
 * Research tasks, newest first: when, what kind, what was asked, the status and the live progress; a queued or
 * running task can be cancelled by an operator. A row opens the task's page.
 */
export function TaskList({
  tasks,
  canOperate,
  cancelling,
  onCancel,
  testId = "task-list",
}: {
  tasks: readonly ParserTaskRow[];
  canOperate: boolean;
  /** Tasks whose cancellation is on its way. */
  cancelling: ReadonlySet<string>;
  onCancel: (task: ParserTaskRow) => void;
  testId?: string;
}) {
  const { t, dictionary } = useI18n();
  const now = useNow(30_000);
  const columns = {
    created: t("research.tasks.column.created"),
    kind: t("research.tasks.column.kind"),
    input: t("research.tasks.column.input"),
    status: t("research.tasks.column.status"),
    progress: t("research.tasks.column.progress"),
  };
  return (
    <div className="table-wrap">
      <table className="leads-table research-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{columns.created}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.input}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col">{columns.progress}</th>
            <th scope="col">
              <span className="visually-hidden">{t("research.tasks.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-testid="task-row" data-task-id={task.id} data-status={task.status}>
              <td data-label={columns.created} className="cell-created">
                <a href={routeHash({ page: "researchTask", taskId: task.id })}>
                  <time dateTime={task.created_at} title={formatAlmatyTime(task.created_at)}>
                    {formatRelativeTime(task.created_at, now, dictionary)}
                  </time>
                </a>
              </td>
              <td data-label={columns.kind}>{t(`research.kind.${task.kind}`)}</td>
              <td data-label={columns.input} className="cell-task-input">
                <a href={routeHash({ page: "researchTask", taskId: task.id })}>
                  <TaskInputText task={task} />
                </a>
              </td>
              <td data-label={columns.status}>
                <TaskStatusBadge status={task.status} />
              </td>
              <td data-label={columns.progress} className="cell-progress">
                <TaskProgressBar task={task} />
              </td>
              <td className="cell-actions">
                {canOperate && isTaskActive(task.status) && (
                  <button
                    className="button button--small"
                    type="button"
                    data-testid="task-cancel"
                    disabled={cancelling.has(task.id)}
                    onClick={() => onCancel(task)}
                  >
                    {t("research.tasks.cancel")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
