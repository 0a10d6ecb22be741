import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback } from "react";
import { ErrorState } from "../app/ErrorState.tsx";
import { routeHash } from "../app/route.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LiveIndicator } from "../leads/LiveIndicator.tsx";
import { NicheReportHistory } from "./NicheReportHistory.tsx";
import { NicheReportView } from "./NicheReportView.tsx";
import { nicheRefreshInput } from "./nicheRefreshInput.ts";
import { readNicheReport } from "./readNicheReport.ts";
import { listNicheTasks } from "./researchQueries.ts";
import { TaskList } from "./TaskList.tsx";
import { useCancelTask } from "./useCancelTask.ts";
import { useCreateTask } from "./useCreateTask.ts";
import { useNicheResearch } from "./useNicheResearch.ts";
import { useParserTasks } from "./useParserTasks.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/**
 * A niche's market research: its latest report in full, the earlier ones as a trend, its research tasks live,
 * and a button that researches it again (the new report appears when the task finishes).
 */
export function NichePage({
  client,
  workspaceId,
  nicheId,
  canOperate,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  nicheId: string;
  canOperate: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const translate = useTranslatedCode();
  // The niche statuses of `public.niche_status`; a newer one shows as it is.
  const statusName = (status: string) => translate(`research.nicheStatus.${status}`, status);
  const load = useCallback(() => listNicheTasks(client, nicheId), [client, nicheId]);
  const tasks = useParserTasks(client, `niche_id=eq.${nicheId}`, load, onSessionExpired);
  const cancel = useCancelTask(client, tasks.apply, onSessionExpired);
  const creator = useCreateTask(client, workspaceId, onSessionExpired);
  const taskRows = tasks.state.phase === "ready" ? tasks.state.tasks : [];
  // A task that has just ended may have stored a report: the reports are read again.
  const finished = taskRows
    .filter((task) => task.status === "done" || task.status === "partial")
    .map((task) => task.id)
    .join(",");
  const research = useNicheResearch(client, nicheId, finished, onSessionExpired);

  if (research.state.phase === "loading") return <p className="muted state-message">{t("niche.loading")}</p>;
  if (research.state.phase === "error") {
    return <ErrorState title={t("niche.error")} action={research.state.action} onRetry={research.retry} />;
  }
  const { niche, reports } = research.state;
  if (niche === null) {
    return (
      <section className="empty-state" data-testid="niche-missing">
        <h2>{t("niche.missing.title")}</h2>
        <p>{t("niche.missing.body")}</p>
        <a className="button" href={routeHash({ page: "research" })}>
          {t("research.back")}
        </a>
      </section>
    );
  }
  const latest = reports[0];
  const report = latest === undefined ? null : readNicheReport(latest);
  const refresh = () => {
    creator.edited();
    void creator.create("niche", { ...nicheRefreshInput(niche, taskRows) }, niche.id).then((task) => {
      if (task !== null) tasks.apply(task);
    });
  };

  return (
    <article className="research-page niche-page" data-testid="niche-page" data-niche-id={niche.id}>
      <header className="lead-header">
        <a className="lead-header__back" href={routeHash({ page: "research" })}>
          ← {t("research.back")}
        </a>
        <div className="lead-header__title">
          <h1 data-testid="niche-name">{niche.name}</h1>
          <span className="role-tag">{statusName(niche.status)}</span>
          <LiveIndicator status={tasks.live} />
          {canOperate && (
            <button
              className="button button--primary button--small"
              type="button"
              data-testid="niche-refresh"
              disabled={creator.busy}
              onClick={refresh}
            >
              {creator.busy ? t("research.form.sending") : t("niche.refresh")}
            </button>
          )}
        </div>
        <p className="muted">
          {niche.query ?? niche.name} · {niche.city ?? t("research.niche.anyCity")}
        </p>
      </header>
      {creator.problem !== null && (
        <p className="form-error" role="alert" data-testid="niche-refresh-error">
          {t(creator.problem.key, creator.problem.params)}
        </p>
      )}

      {latest === undefined && (
        <section className="empty-state" data-testid="niche-no-report">
          <h2>{t("niche.noReport.title")}</h2>
          <p>{t(canOperate ? "niche.noReport.body" : "niche.noReport.viewer")}</p>
        </section>
      )}
      {latest !== undefined && report === null && (
        <p className="notice" data-testid="niche-unreadable">
          {t("niche.report.unreadable")}
        </p>
      )}
      {report !== null && <NicheReportView report={report} />}

      <section className="panel">
        <h2>{t("niche.tasks.title")}</h2>
        {cancel.problem !== null && (
          <p className="form-error" role="alert">
            {t(cancel.problem.key, cancel.problem.params)}
          </p>
        )}
        {tasks.state.phase === "error" && (
          <ErrorState
            title={t("research.tasks.error")}
            action={tasks.state.action}
            onRetry={() => void tasks.reload()}
          />
        )}
        {tasks.state.phase === "ready" && taskRows.length === 0 && (
          <p className="muted">{t("niche.tasks.none")}</p>
        )}
        {taskRows.length > 0 && (
          <TaskList
            tasks={taskRows}
            canOperate={canOperate}
            cancelling={cancel.cancelling}
            onCancel={cancel.cancel}
            testId="niche-task-list"
          />
        )}
      </section>

      {reports.length > 1 && <NicheReportHistory rows={reports} />}
    </article>
  );
}
