import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback } from "react";
import { ErrorState } from "../app/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LiveIndicator } from "../leads/LiveIndicator.tsx";
import { NicheList } from "./NicheList.tsx";
import { NicheTaskForm } from "./NicheTaskForm.tsx";
import { ParseTaskForm } from "./ParseTaskForm.tsx";
import { listParserTasks } from "./researchQueries.ts";
import type { ParserTaskRow } from "./researchRows.ts";
import { TaskList } from "./TaskList.tsx";
import { useCancelTask } from "./useCancelTask.ts";
import { useNiches } from "./useNiches.ts";
import { useParserTasks } from "./useParserTasks.ts";

/**
 * Market research: start a parse of shops or marketplaces, or a niche research; follow every task of the
 * workspace live; open a niche's report or compare niches. A viewer sees it all but starts nothing.
 */
export function ResearchPage({
  client,
  workspaceId,
  canOperate,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  canOperate: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const load = useCallback(() => listParserTasks(client, workspaceId), [client, workspaceId]);
  const tasks = useParserTasks(client, `workspace_id=eq.${workspaceId}`, load, onSessionExpired);
  const niches = useNiches(client, workspaceId, onSessionExpired);
  const { apply } = tasks;
  const cancel = useCancelTask(client, apply, onSessionExpired);
  const reloadNiches = niches.reload;

  const created = useCallback(
    (task: ParserTaskRow) => {
      apply(task);
      // A niche task may have created the niche it researches.
      if (task.niche_id !== null) reloadNiches();
    },
    [apply, reloadNiches],
  );

  return (
    <section className="research-page" data-testid="research-page">
      <header className="page-header">
        <h1>{t("research.title")}</h1>
        <LiveIndicator status={tasks.live} />
      </header>

      {canOperate ? (
        <div className="research-forms">
          <ParseTaskForm
            client={client}
            workspaceId={workspaceId}
            onSessionExpired={onSessionExpired}
            onCreated={created}
          />
          <NicheTaskForm
            client={client}
            workspaceId={workspaceId}
            onSessionExpired={onSessionExpired}
            onCreated={created}
          />
        </div>
      ) : (
        <p className="notice" data-testid="research-read-only">
          {t("research.readOnly")}
        </p>
      )}

      <section className="panel">
        <h2>{t("research.niches.title")}</h2>
        {niches.state.phase === "loading" && <p className="muted">{t("app.loading")}</p>}
        {niches.state.phase === "error" && (
          <ErrorState
            title={t("research.niches.error")}
            action={niches.state.action}
            onRetry={niches.reload}
          />
        )}
        {niches.state.phase === "ready" &&
          (niches.state.niches.length === 0 ? (
            <div className="empty-state" data-testid="niches-empty">
              <p>{t("research.niches.empty")}</p>
            </div>
          ) : (
            <NicheList niches={niches.state.niches} />
          ))}
      </section>

      <section className="panel">
        <h2>{t("research.tasks.title")}</h2>
        {cancel.problem !== null && (
          <p className="form-error" role="alert" data-testid="cancel-error">
            {t(cancel.problem.key, cancel.problem.params)}
          </p>
        )}
        {tasks.state.phase === "loading" && <p className="muted">{t("research.tasks.loading")}</p>}
        {tasks.state.phase === "error" && (
          <ErrorState
            title={t("research.tasks.error")}
            action={tasks.state.action}
            onRetry={() => void tasks.reload()}
          />
        )}
        {tasks.state.phase === "ready" && tasks.state.failure !== null && (
          <div className="inline-error" role="alert">
            <span>{t(`error.${tasks.state.failure}`)}</span>
            <button className="button button--small" type="button" onClick={() => void tasks.reload()}>
              {t("error.retry")}
            </button>
          </div>
        )}
        {tasks.state.phase === "ready" &&
          (tasks.state.tasks.length === 0 ? (
            <div className="empty-state" data-testid="tasks-empty">
              <h2>{t("research.tasks.empty.title")}</h2>
              <p>{t(canOperate ? "research.tasks.empty.body" : "research.tasks.empty.viewer")}</p>
            </div>
          ) : (
            <TaskList
              tasks={tasks.state.tasks}
              canOperate={canOperate}
              cancelling={cancel.cancelling}
              onCancel={cancel.cancel}
            />
          ))}
      </section>
    </section>
  );
}
