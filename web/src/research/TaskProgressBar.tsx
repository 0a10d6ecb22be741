import { useI18n } from "../i18n/I18nProvider.tsx";
import { measureTaskProgress } from "./measureTaskProgress.ts";
import type { ParserTaskRow } from "./researchRows.ts";

/**
 * How far a task has got: a bar of pages read against the pages it will read (moving while the total is not
 * known yet), with the pages, the items found and the worker's last note written out.
 */
export function TaskProgressBar({ task }: { task: ParserTaskRow }) {
  const { t, formatNumber, plural } = useI18n();
  const progress = measureTaskProgress(task);
  const pages =
    progress.total === null
      ? t("research.progress.pagesSoFar", { done: formatNumber(progress.done) })
      : t("research.progress.pages", {
          done: formatNumber(progress.done),
          total: formatNumber(progress.total),
        });
  const label = t("research.progress.label");
  return (
    <div
      className={`task-progress task-progress--${task.status}`}
      data-testid="task-progress"
      data-done={progress.done}
      data-total={progress.total ?? ""}
      data-percent={progress.percent ?? ""}
    >
      <div
        className={`task-progress__track${progress.percent === null ? " is-indeterminate" : ""}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent ?? undefined}
        aria-valuetext={pages}
      >
        <span
          className="task-progress__fill"
          style={progress.percent === null ? undefined : { width: `${progress.percent}%` }}
        />
      </div>
      <div className="task-progress__text">
        <span>{pages}</span>
        <span>{plural("research.progress.items", task.items_found)}</span>
        {progress.failed > 0 && (
          <span className="task-progress__failed">{plural("research.progress.failed", progress.failed)}</span>
        )}
      </div>
      {task.progress_note !== null && task.progress_note.trim() !== "" && (
        <div className="task-progress__note muted" data-testid="task-progress-note">
          {task.progress_note}
        </div>
      )}
    </div>
  );
}
