import type { LiveStatus } from "../api/watchTableChanges.ts";
import { routeHash } from "../app/route.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { formatDuration } from "../format/formatDuration.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LiveIndicator } from "../leads/LiveIndicator.tsx";
import { isTaskActive, type ParserTaskRow } from "./researchRows.ts";
import { TaskErrorMessage } from "./TaskErrorMessage.tsx";
import { TaskInputText } from "./TaskInputText.tsx";
import { TaskProgressBar } from "./TaskProgressBar.tsx";
import { TaskStatusBadge } from "./TaskStatusBadge.tsx";

/**
 * A task at a glance, live: what it was asked, its status and progress, how many tries it took, when it started
 * and ended, why it failed, and a cancel button while it runs.
 */
export function TaskHeader({
  task,
  live,
  canOperate,
  cancelling,
  onCancel,
}: {
  task: ParserTaskRow;
  live: LiveStatus;
  canOperate: boolean;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t, dictionary } = useI18n();
  const ended = task.finished_at ?? null;
  const seconds =
    task.started_at === null
      ? null
      : ((ended === null ? Date.now() : Date.parse(ended)) - Date.parse(task.started_at)) / 1000;
  return (
    <header className="lead-header task-header">
      <a className="lead-header__back" href={routeHash({ page: "research" })}>
        ← {t("research.back")}
      </a>
      <div className="lead-header__title">
        <h1>{t(`research.kind.${task.kind}`)}</h1>
        <TaskStatusBadge status={task.status} />
        <LiveIndicator status={live} />
        {canOperate && isTaskActive(task.status) && (
          <button
            className="button button--small"
            type="button"
            data-testid="task-cancel"
            disabled={cancelling}
            onClick={onCancel}
          >
            {t("research.tasks.cancel")}
          </button>
        )}
      </div>
      <p className="task-header__input">
        <TaskInputText task={task} />
      </p>
      <p className="muted" data-testid="task-status-explain">
        {t(`research.status.${task.status}.explain`)}
      </p>
      <TaskProgressBar task={task} />
      {task.error !== null && (
        <TaskErrorMessage
          error={task.error}
          retrying={task.status === "queued" || task.status === "running"}
        />
      )}
      <dl className="facts">
        <div>
          <dt>{t("research.task.attempts")}</dt>
          <dd data-testid="task-attempts">
            {t("research.task.attemptsOf", { attempts: task.attempts, max: task.max_attempts })}
          </dd>
        </div>
        <div>
          <dt>{t("research.task.created")}</dt>
          <dd>{formatAlmatyTime(task.created_at)}</dd>
        </div>
        <div>
          <dt>{t("research.task.started")}</dt>
          <dd>{task.started_at === null ? "—" : formatAlmatyTime(task.started_at)}</dd>
        </div>
        <div>
          <dt>{t("research.task.finished")}</dt>
          <dd>{ended === null ? "—" : formatAlmatyTime(ended)}</dd>
        </div>
        <div>
          <dt>{t("research.task.duration")}</dt>
          <dd>{seconds === null ? "—" : formatDuration(seconds, dictionary)}</dd>
        </div>
        {task.niche_id !== null && (
          <div>
            <dt>{t("research.task.niche")}</dt>
            <dd>
              <a href={routeHash({ page: "niche", nicheId: task.niche_id })}>
                {t("research.task.openNiche")}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
