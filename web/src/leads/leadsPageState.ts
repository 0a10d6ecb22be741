import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import type { LeadChange, LiveStatus } from "../api/dashboardQueries.ts";
import type { LeadRow, LeadStatus, Platform } from "../api/rows.ts";
import { applyLeadChange } from "./applyLeadChange.ts";
import type { LeadsView } from "./leadsView.ts";

/** The leads page asks the server for one page at a time. */
export const leadsPageSize = 25;

/** A fetch the page wants; a new object (new `id`) means "fetch again". */
export interface LeadsRequest {
  id: number;
  /** true for a background refresh (debounced, rows stay on screen); false when the user asked for new rows. */
  quiet: boolean;
  status: LeadStatus | null;
  source: Platform | null;
  page: number;
}

export interface LeadsPageState {
  view: LeadsView;
  /** `loading`: no rows for the current filters/page yet. */
  phase: "loading" | "ready" | "error";
  /** The last failed fetch, if the rows shown may be out of date. */
  failure: QueryFailureAction | null;
  request: LeadsRequest;
  /** The request whose answer is awaited, and the live changes seen since it was sent. */
  inFlight: { requestId: number; changes: LeadChange[] } | null;
  /** Leads that arrived live while on screen; their rows are highlighted once. */
  freshIds: ReadonlySet<string>;
  live: LiveStatus;
}

export type LeadsPageAction =
  | { type: "filter"; status: LeadStatus | null; source: Platform | null }
  | { type: "page"; page: number }
  | { type: "retry" }
  | { type: "fetch-start"; requestId: number }
  | { type: "fetch-done"; requestId: number; leads: LeadRow[]; total: number }
  | { type: "fetch-failed"; requestId: number; action: QueryFailureAction }
  | { type: "change"; change: LeadChange }
  | { type: "live"; status: LiveStatus };

export function createLeadsPageState(workspaceId: string): LeadsPageState {
  return {
    view: {
      workspaceId,
      status: null,
      source: null,
      page: 1,
      pageSize: leadsPageSize,
      leads: [],
      total: 0,
      unseen: 0,
    },
    phase: "loading",
    failure: null,
    request: { id: 1, quiet: false, status: null, source: null, page: 1 },
    inFlight: null,
    freshIds: new Set(),
    live: "connecting",
  };
}

function requestFor(state: LeadsPageState, view: LeadsView, quiet: boolean): LeadsRequest {
  return { id: state.request.id + 1, quiet, status: view.status, source: view.source, page: view.page };
}

/** Asks for a background refresh, unless a loud fetch is already pending (it will bring fresh rows anyway). */
function refreshed(state: LeadsPageState): LeadsPageState {
  if (!state.request.quiet && state.phase === "loading") return state;
  return { ...state, request: requestFor(state, state.view, true) };
}

/** Navigating to another view: its rows are fetched afresh and nothing of the old page stays highlighted. */
function loading(state: LeadsPageState, view: LeadsPageState["view"]): LeadsPageState {
  return {
    ...state,
    view,
    phase: "loading",
    failure: null,
    freshIds: new Set(),
    request: requestFor(state, view, false),
  };
}

/**
 * The leads page as a pure state machine: user navigation, fetch results and live changes. Live changes that
 * arrive while a fetch is in flight are replayed over its answer, so none is lost between the two.
 */
export function reduceLeadsPage(state: LeadsPageState, action: LeadsPageAction): LeadsPageState {
  switch (action.type) {
    case "filter":
      return loading(state, {
        ...state.view,
        status: action.status,
        source: action.source,
        page: 1,
        unseen: 0,
      });
    case "page": {
      const unseen = action.page === 1 ? 0 : state.view.unseen;
      return loading(state, { ...state.view, page: action.page, unseen });
    }
    case "retry":
      return {
        ...state,
        phase: state.phase === "error" ? "loading" : state.phase,
        request: requestFor(state, state.view, false),
      };
    case "fetch-start":
      if (action.requestId !== state.request.id) return state;
      return { ...state, inFlight: { requestId: action.requestId, changes: [] } };
    case "fetch-done": {
      if (action.requestId !== state.request.id) return state;
      let view: LeadsView = { ...state.view, leads: action.leads, total: action.total };
      let needsRefresh = false;
      for (const change of state.inFlight?.changes ?? []) {
        const result = applyLeadChange(view, change);
        view = result.view;
        if (result.outcome === "removed" || result.outcome === "stale") needsRefresh = true;
      }
      const next: LeadsPageState = { ...state, view, phase: "ready", failure: null, inFlight: null };
      if (view.leads.length === 0 && view.page > 1) {
        // The page emptied (leads deleted meanwhile): go to the last page that has leads.
        const page = Math.max(1, Math.ceil(view.total / view.pageSize));
        const moved = { ...view, page, unseen: page === 1 ? 0 : view.unseen };
        return { ...next, view: moved, phase: "loading", request: requestFor(next, moved, false) };
      }
      return needsRefresh ? { ...next, request: requestFor(next, view, true) } : next;
    }
    case "fetch-failed":
      if (action.requestId !== state.request.id) return state;
      return {
        ...state,
        phase: state.phase === "loading" ? "error" : state.phase,
        failure: action.action,
        inFlight: null,
      };
    case "change": {
      const { view, outcome } = applyLeadChange(state.view, action.change);
      const inFlight =
        state.inFlight === null
          ? null
          : { ...state.inFlight, changes: [...state.inFlight.changes, action.change] };
      const freshIds =
        outcome === "shown" && action.change.kind === "insert"
          ? new Set([...state.freshIds, action.change.lead.id])
          : state.freshIds;
      const next: LeadsPageState = { ...state, view, inFlight, freshIds };
      return outcome === "removed" || outcome === "stale" ? refreshed(next) : next;
    }
    case "live": {
      const next = { ...state, live: action.status };
      // Changes made while the connection was down were never delivered: catch up from the server.
      return state.live === "reconnecting" && action.status === "connected" ? refreshed(next) : next;
    }
  }
}
