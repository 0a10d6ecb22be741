import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback } from "react";
import { ErrorState } from "../app/ErrorState.tsx";
import { routeHash } from "../app/route.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { taskSourceUrls } from "./describeTaskInput.ts";
import { ExportButtons } from "./ExportButtons.tsx";
import { getParserTask, taskPageLimit } from "./researchQueries.ts";
import { TaskHeader } from "./TaskHeader.tsx";
import { TaskPagesTable } from "./TaskPagesTable.tsx";
import { TaskProducts } from "./TaskProducts.tsx";
import { TaskSummaryPanel } from "./TaskSummaryPanel.tsx";
import { useCancelTask } from "./useCancelTask.ts";
import { useParserTasks } from "./useParserTasks.ts";
import { useTaskDescription } from "./useTaskDescription.ts";
import { useTaskFindings } from "./useTaskFindings.ts";

/**
 * One research task, live: its header and progress, what it read (summary, pages with their SEO), the products
 * it found, and the exports of those products.
 */
export function TaskPage({
  client,
  taskId,
  canOperate,
  onSessionExpired,
}: {
  client: SupabaseClient;
  taskId: string;
  canOperate: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const describe = useTaskDescription();
  const load = useCallback(async () => {
    const task = await getParserTask(client, taskId);
    return task === null ? [] : [task];
  }, [client, taskId]);
  const tasks = useParserTasks(client, `id=eq.${taskId}`, load, onSessionExpired);
  const cancel = useCancelTask(client, tasks.apply, onSessionExpired);
  const task = tasks.state.phase === "ready" ? (tasks.state.tasks[0] ?? null) : null;
  const version =
    task === null ? "" : `${task.status}:${task.pages_done}:${task.pages_failed}:${task.items_found}`;
  const findings = useTaskFindings(client, taskId, version, onSessionExpired);

  if (tasks.state.phase === "loading")
    return <p className="muted state-message">{t("research.task.loading")}</p>;
  if (tasks.state.phase === "error") {
    return (
      <ErrorState
        title={t("research.task.error")}
        action={tasks.state.action}
        onRetry={() => void tasks.reload()}
      />
    );
  }
  if (task === null) {
    return (
      <section className="empty-state" data-testid="task-missing">
        <h2>{t("research.task.missing.title")}</h2>
        <p>{t("research.task.missing.body")}</p>
        <a className="button" href={routeHash({ page: "research" })}>
          {t("research.back")}
        </a>
      </section>
    );
  }

  const productCount = findings.state.phase === "ready" ? findings.state.summary.products : task.items_found;
  return (
    <article
      className="research-page task-page"
      data-testid="task-page"
      data-task-id={task.id}
      data-status={task.status}
    >
      <TaskHeader
        task={task}
        live={tasks.live}
        canOperate={canOperate}
        cancelling={cancel.cancelling.has(task.id)}
        onCancel={() => cancel.cancel(task)}
      />
      {cancel.problem !== null && (
        <p className="form-error" role="alert" data-testid="cancel-error">
          {t(cancel.problem.key, cancel.problem.params)}
        </p>
      )}
      {findings.state.phase === "loading" && <p className="muted">{t("app.loading")}</p>}
      {findings.state.phase === "error" && (
        <ErrorState
          title={t("research.summary.error")}
          action={findings.state.action}
          onRetry={findings.retry}
        />
      )}
      {findings.state.phase === "ready" && (
        <>
          <TaskSummaryPanel summary={findings.state.summary} status={task.status} />
          <ExportButtons
            client={client}
            origin={{
              taskId: task.id,
              title: describe(task) ?? t(`research.kind.${task.kind}`),
              createdAt: task.created_at,
              sourceUrls: taskSourceUrls(task.kind, task.input),
            }}
            productCount={productCount}
            onSessionExpired={onSessionExpired}
          />
          <TaskProducts
            client={client}
            taskId={task.id}
            version={version}
            onSessionExpired={onSessionExpired}
          />
          <TaskPagesTable pages={findings.state.pages} limit={taskPageLimit} />
        </>
      )}
    </article>
  );
}
