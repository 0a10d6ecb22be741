import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useReducer } from "react";
import { listLeads, subscribeToLeads } from "../api/dashboardQueries.ts";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { ErrorState } from "../app/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LeadFilters } from "./LeadFilters.tsx";
import { LeadsPager } from "./LeadsPager.tsx";
import { LeadsTable } from "./LeadsTable.tsx";
import { LiveIndicator } from "./LiveIndicator.tsx";
import { createLeadsPageState, reduceLeadsPage } from "./leadsPageState.ts";
import { useCampaignNames } from "./useCampaignNames.ts";

/** Background refreshes wait this long, so a burst of live changes costs one fetch. */
const quietRefreshDelayMs = 300;

/** The workspace's leads: filters, a page of 25, and live inserts, updates and deletes. */
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
  const [state, dispatch] = useReducer(reduceLeadsPage, workspaceId, createLeadsPageState);
  const { view, request } = state;
  const campaignNames = useCampaignNames(client, workspaceId, view.leads);

  useEffect(
    () =>
      subscribeToLeads(client, workspaceId, (change) => dispatch({ type: "change", change }), {
        onStatus: (status) => dispatch({ type: "live", status }),
      }),
    [client, workspaceId],
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        dispatch({ type: "fetch-start", requestId: request.id });
        listLeads(client, {
          workspaceId,
          status: request.status,
          source: request.source,
          page: request.page,
          pageSize: view.pageSize,
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
  }, [client, workspaceId, request, view.pageSize, onSessionExpired]);

  const goToPage = (page: number) => {
    dispatch({ type: "page", page });
    window.scrollTo({ top: 0 });
  };
  const filtered = view.status !== null || view.source !== null;
  const showTable = view.leads.length > 0;

  return (
    <section className="leads-page">
      <header className="page-header">
        <h1>{t("leads.title")}</h1>
        <LiveIndicator status={state.live} />
        <div className="page-header__spacer" />
        <LeadFilters
          status={view.status}
          source={view.source}
          onChange={(status, source) => dispatch({ type: "filter", status, source })}
        />
      </header>

      {view.unseen > 0 && (
        <div className="new-leads" role="status">
          <span>{plural("leads.new", view.unseen)}</span>
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
          {filtered ? (
            <>
              <p>{t("leads.emptyFiltered")}</p>
              <button
                className="button"
                type="button"
                onClick={() => dispatch({ type: "filter", status: null, source: null })}
              >
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
        <LeadsTable
          leads={view.leads}
          campaignNames={campaignNames}
          freshIds={state.freshIds}
          busy={state.phase === "loading"}
        />
      )}

      {state.phase !== "error" && (
        <LeadsPager
          page={view.page}
          pageSize={view.pageSize}
          shown={state.phase === "loading" ? null : view.leads.length}
          total={view.total}
          onPage={goToPage}
        />
      )}
    </section>
  );
}
