import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useState } from "react";
import { DashboardQueryError, type QueryFailureAction } from "../api/DashboardQueryError.ts";
import { listMyWorkspaces } from "../api/dashboardQueries.ts";
import type { WorkspaceRow } from "../api/rows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { LeadPage } from "../lead/LeadPage.tsx";
import { LeadsPage } from "../leads/LeadsPage.tsx";
import { NicheComparePage } from "../research/NicheComparePage.tsx";
import { NichePage } from "../research/NichePage.tsx";
import { ResearchPage } from "../research/ResearchPage.tsx";
import { TaskPage } from "../research/TaskPage.tsx";
import { SettingsPage } from "../settings/SettingsPage.tsx";
import { chooseWorkspace } from "../workspaces/chooseWorkspace.ts";
import { WorkspaceSwitcher } from "../workspaces/WorkspaceSwitcher.tsx";
import { ErrorState } from "./ErrorState.tsx";
import { readWorkspacePreference, writeWorkspacePreference } from "./preferences.ts";
import { routeHash } from "./route.ts";
import { useHashRoute } from "./useHashRoute.ts";

type WorkspacesState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  | { phase: "ready"; workspaces: WorkspaceRow[]; current: WorkspaceRow | null };

export interface ShellProps {
  client: SupabaseClient;
  userId: string;
  userEmail: string | null;
  onSignOut: () => void;
  onSessionExpired: () => void;
}

/** The signed-in frame: sidebar, top bar (workspace, language, sign-out) and the page the URL hash names. */
export function Shell({ client, userId, userEmail, onSignOut, onSessionExpired }: ShellProps) {
  const { t } = useI18n();
  const [state, setState] = useState<WorkspacesState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);
  const route = useHashRoute();
  const section =
    route.page === "settings"
      ? "settings"
      : route.page === "research" ||
          route.page === "researchTask" ||
          route.page === "niche" ||
          route.page === "nicheCompare"
        ? "research"
        : "leads";

  const handleFailure = useCallback(
    (error: unknown): QueryFailureAction => {
      const action = error instanceof DashboardQueryError ? error.action : "retry-later";
      if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
      if (action === "sign-in-again") onSessionExpired();
      return action;
    },
    [onSessionExpired],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new user or a retry (attempt) reloads the list.
  useEffect(() => {
    let cancelled = false;
    setState({ phase: "loading" });
    listMyWorkspaces(client).then(
      (workspaces) => {
        if (cancelled) return;
        const current = chooseWorkspace(workspaces, readWorkspacePreference(window.localStorage));
        setState({ phase: "ready", workspaces, current });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: "error", action: handleFailure(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, userId, attempt, handleFailure]);

  const switchWorkspace = useCallback((workspace: WorkspaceRow) => {
    writeWorkspacePreference(window.localStorage, workspace.id);
    setState((previous) => (previous.phase === "ready" ? { ...previous, current: workspace } : previous));
  }, []);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span>{t("app.name")}</span>
        </div>
        <nav className="sidebar__nav" aria-label={t("shell.navigation")}>
          <a
            className={`sidebar__link${section === "leads" ? " is-active" : ""}`}
            href={routeHash({ page: "leads" })}
            aria-current={section === "leads" ? "page" : undefined}
            data-testid="nav-leads"
          >
            {t("nav.leads")}
          </a>
          <a
            className={`sidebar__link${section === "research" ? " is-active" : ""}`}
            href={routeHash({ page: "research" })}
            aria-current={section === "research" ? "page" : undefined}
            data-testid="nav-research"
          >
            {t("nav.research")}
          </a>
          <a
            className={`sidebar__link${section === "settings" ? " is-active" : ""}`}
            href={routeHash({ page: "settings" })}
            aria-current={section === "settings" ? "page" : undefined}
            data-testid="nav-settings"
          >
            {t("nav.settings")}
          </a>
        </nav>
      </aside>
      <div className="shell__main">
        <header className="topbar">
          {state.phase === "ready" && state.current !== null && (
            <WorkspaceSwitcher
              workspaces={state.workspaces}
              current={state.current}
              onSwitch={switchWorkspace}
            />
          )}
          <div className="topbar__spacer" />
          <LanguageSwitcher />
          {userEmail !== null && (
            <span className="topbar__user" title={t("shell.signedInAs", { email: userEmail })}>
              {userEmail}
            </span>
          )}
          <button className="button" type="button" onClick={onSignOut} data-testid="sign-out">
            {t("shell.signOut")}
          </button>
        </header>
        <main className="content" id="content">
          {state.phase === "loading" && <p className="muted state-message">{t("workspaces.loading")}</p>}
          {state.phase === "error" && (
            <ErrorState
              title={t("workspaces.error")}
              action={state.action}
              onRetry={() => setAttempt((n) => n + 1)}
            />
          )}
          {state.phase === "ready" && state.current === null && (
            <section className="empty-state">
              <h2>{t("workspaces.none.title")}</h2>
              <p>{t("workspaces.none.body")}</p>
            </section>
          )}
          {state.phase === "ready" && state.current !== null && route.page === "leads" && (
            <LeadsPage
              key={state.current.id}
              client={client}
              workspaceId={state.current.id}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "lead" && (
            <LeadPage
              key={`${state.current.id}:${route.leadId}`}
              client={client}
              workspaceId={state.current.id}
              leadId={route.leadId}
              userId={userId}
              canOperate={state.current.role !== "viewer"}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "research" && (
            <ResearchPage
              key={state.current.id}
              client={client}
              workspaceId={state.current.id}
              canOperate={state.current.role !== "viewer"}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "researchTask" && (
            <TaskPage
              key={`${state.current.id}:${route.taskId}`}
              client={client}
              taskId={route.taskId}
              canOperate={state.current.role !== "viewer"}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "niche" && (
            <NichePage
              key={`${state.current.id}:${route.nicheId}`}
              client={client}
              workspaceId={state.current.id}
              nicheId={route.nicheId}
              canOperate={state.current.role !== "viewer"}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "nicheCompare" && (
            <NicheComparePage
              key={`${state.current.id}:${route.nicheIds.join(",")}`}
              client={client}
              nicheIds={route.nicheIds}
              onSessionExpired={onSessionExpired}
            />
          )}
          {state.phase === "ready" && state.current !== null && route.page === "settings" && (
            <SettingsPage
              key={state.current.id}
              client={client}
              workspaceId={state.current.id}
              canEdit={state.current.role !== "viewer"}
              onSessionExpired={onSessionExpired}
            />
          )}
        </main>
      </div>
    </div>
  );
}
