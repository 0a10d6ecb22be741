import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useReducer, useState } from "react";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { subscribeToLeads } from "../api/dashboardQueries.ts";
import { searchLeads, subscribeToConversations } from "../api/inboxQueries.ts";
import { ErrorState } from "../app/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type InboxFilters, isFiltered, noFilters } from "./inboxFilters.ts";
import { createInboxState, reduceInbox } from "./inboxState.ts";
import { LeadFilters } from "./LeadFilters.tsx";
import { LeadsPager } from "./LeadsPager.tsx";
import { LeadsTable } from "./LeadsTable.tsx";
import { LiveIndicator } from "./LiveIndicator.tsx";
import { useWorkspaceCampaigns } from "./useWorkspaceCampaigns.ts";

/** Background refreshes wait this long, so a burst of live changes costs one fetch. */
const quietRefreshDelayMs = 300;

/** The operator's inbox: the workspace's leads, filtered and searched, a page of 25, kept live. */
export function LeadsPage({
  client,
  workspaceId,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  onSessionExpired: () => void;
}) {
  const { t, plural } = useI18n();
  const [state, dispatch] = useReducer(reduceInbox, workspaceId, createInboxState);
  const { request } = state;
  const campaigns = useWorkspaceCampaigns(client, workspaceId);
  // Bumped to clear the typed filter boxes (they keep their own text while typing).
  const [filterResets, setFilterResets] = useState(0);

  useEffect(
    () =>
      subscribeToLeads(client, workspaceId, (change) => dispatch({ type: "lead-change", change }), {
        onStatus: (status) => dispatch({ type: "live", status }),
      }),
    [client, workspaceId],
  );
  useEffect(
    () => subscribeToConversations(client, workspaceId, () => dispatch({ type: "conversation-change" })),
    [client, workspaceId],
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        dispatch({ type: "fetch-start", requestId: request.id });
        searchLeads(client, {
          ...request.filters,
          workspaceId,
          page: request.page,
          pageSize: state.pageSize,
        }).then(
          ({ leads, total }) => {
            if (!cancelled) dispatch({ type: "fetch-done", requestId: request.id, leads, total });
          },
          (error: unknown) => {
            if (cancelled) return;
            const action = error instanceof DashboardQueryError ? error.action : "retry-later";
            if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
            if (action === "sign-in-again") onSessionExpired();
            dispatch({ type: "fetch-failed", requestId: request.id, action });
          },
        );
      },
      request.quiet ? quietRefreshDelayMs : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, workspaceId, request, state.pageSize, onSessionExpired]);

  const changeFilters = useCallback((filters: InboxFilters) => dispatch({ type: "filter", filters }), []);
  const resetFilters = () => {
    setFilterResets((n) => n + 1);
    dispatch({ type: "filter", filters: noFilters });
  };
  const goToPage = (page: number) => {
    dispatch({ type: "page", page });
    window.scrollTo({ top: 0 });
  };
  const showTable = state.leads.length > 0;

  return (
    <section className="leads-page">
      <header className="page-header">
        <h1>{t("leads.title")}</h1>
        <LiveIndicator status={state.live} />
      </header>
      <LeadFilters
        key={filterResets}
        filters={state.filters}
        campaigns={campaigns}
        onChange={changeFilters}
      />

      {state.unseen > 0 && (
        <div className="new-leads" role="status">
          <span>{plural("leads.new", state.unseen)}</span>
          <button className="button button--small" type="button" onClick={() => goToPage(1)}>
            {t("leads.showNew")}
          </button>
        </div>
      )}

      {state.failure !== null && state.phase === "ready" && (
        <div className="inline-error" role="alert">
          <span>{t(`error.${state.failure}`)}</span>
          <button className="button button--small" type="button" onClick={() => dispatch({ type: "retry" })}>
            {t("error.retry")}
          </button>
        </div>
      )}

      {state.phase === "error" && state.failure !== null && (
        <ErrorState
          title={t("leads.error")}
          action={state.failure}
          onRetry={() => dispatch({ type: "retry" })}
        />
      )}

      {state.phase === "loading" && !showTable && <p className="muted state-message">{t("leads.loading")}</p>}

      {state.phase === "ready" && !showTable && (
        <section className="empty-state" data-testid="leads-empty">
          {isFiltered(state.filters) ? (
            <>
              <p>{t("leads.emptyFiltered")}</p>
              <button className="button" type="button" onClick={resetFilters}>
                {t("leads.filter.reset")}
              </button>
            </>
          ) : (
            <>
              <h2>{t("leads.empty.title")}</h2>
              <p>{t("leads.empty.body")}</p>
            </>
          )}
        </section>
      )}

      {showTable && state.phase !== "error" && (
        <LeadsTable leads={state.leads} freshIds={state.freshIds} busy={state.phase === "loading"} />
      )}

      {state.phase !== "error" && (
        <LeadsPager
          page={state.page}
          pageSize={state.pageSize}
          shown={state.phase === "loading" ? null : state.leads.length}
          total={state.total}
          onPage={goToPage}
        />
      )}
    </section>
  );
}
