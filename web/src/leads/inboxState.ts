import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import type { LeadChange, LiveStatus } from "../api/dashboardQueries.ts";
import type { InboxLeadRow } from "../api/inboxRows.ts";
import { type InboxFilters, mayMatchFilters, noFilters } from "./inboxFilters.ts";

/** The inbox asks the server for one page at a time. */
export const inboxPageSize = 25;

/** A fetch the inbox wants; a new object (new `id`) means "fetch again". */
export interface InboxRequest {
  id: number;
  /** true for a background refresh (debounced, rows stay on screen); false when the user asked for new rows. */
  quiet: boolean;
  /** `live`: a live change asked for it, so rows that appear are new to the user and get highlighted. */
  cause: "user" | "live";
  filters: InboxFilters;
  page: number;
}

export interface InboxState {
  workspaceId: string;
  filters: InboxFilters;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** This page, newest first. */
  leads: InboxLeadRow[];
  /** How many leads match the filters in all pages. */
  total: number;
  /** Matching leads that arrived live while a later page was shown ("N new leads"). */
  unseen: number;
  /** `loading`: no rows for the current filters/page yet. */
  phase: "loading" | "ready" | "error";
  /** The last failed fetch, if the rows shown may be out of date. */
  failure: QueryFailureAction | null;
  request: InboxRequest;
  /** The request whose answer is awaited; `dirty` when something changed after it was sent. */
  inFlight: { requestId: number; dirty: boolean } | null;
  /** The last request answered (or failed). */
  settledId: number;
  /** Leads that appeared live; their rows are highlighted once. */
  freshIds: ReadonlySet<string>;
  live: LiveStatus;
}

export type InboxAction =
  | { type: "filter"; filters: InboxFilters }
  | { type: "page"; page: number }
  | { type: "retry" }
  | { type: "fetch-start"; requestId: number }
  | { type: "fetch-done"; requestId: number; leads: InboxLeadRow[]; total: number }
  | { type: "fetch-failed"; requestId: number; action: QueryFailureAction }
  /** A lead of the workspace changed (Realtime). */
  | { type: "lead-change"; change: LeadChange }
  /** A conversation changed (bot paused, needs a person…): the list's markers may be stale. */
  | { type: "conversation-change" }
  | { type: "live"; status: LiveStatus };

export function createInboxState(workspaceId: string): InboxState {
  return {
    workspaceId,
    filters: noFilters,
    page: 1,
    pageSize: inboxPageSize,
    leads: [],
    total: 0,
    unseen: 0,
    phase: "loading",
    failure: null,
    request: { id: 1, quiet: false, cause: "user", filters: noFilters, page: 1 },
    inFlight: null,
    settledId: 0,
    freshIds: new Set(),
    live: "connecting",
  };
}

function nextRequest(state: InboxState, quiet: boolean, cause: InboxRequest["cause"]): InboxRequest {
  return { id: state.request.id + 1, quiet, cause, filters: state.filters, page: state.page };
}

/**
 * Asks for a background refresh after a live change. A fetch in flight is marked dirty (it is redone when it
 * answers); a fetch not started yet will bring fresh rows anyway.
 */
function refreshed(state: InboxState): InboxState {
  if (state.inFlight !== null && state.inFlight.requestId === state.request.id) {
    return { ...state, inFlight: { ...state.inFlight, dirty: true } };
  }
  if (state.settledId !== state.request.id) return state;
  return { ...state, request: nextRequest(state, true, "live") };
}

/** Another view (filters or page): its rows are fetched afresh and nothing stays highlighted. */
function navigated(state: InboxState, filters: InboxFilters, page: number, unseen: number): InboxState {
  const next = { ...state, filters, page, unseen };
  return {
    ...next,
    phase: "loading",
    failure: null,
    freshIds: new Set(),
    request: nextRequest(next, false, "user"),
  };
}

/**
 * The inbox as a pure state machine: the user's filters and paging, fetch results and live changes. Rows come
 * from the server only (`search_leads`); a live change asks for a quiet re-query, except a new lead while a
 * later page is read, which is only counted so the page does not jump under the reader.
 */
export function reduceInbox(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case "filter":
      return navigated(state, action.filters, 1, 0);
    case "page":
      return navigated(state, state.filters, action.page, action.page === 1 ? 0 : state.unseen);
    case "retry":
      return {
        ...state,
        phase: state.phase === "error" ? "loading" : state.phase,
        request: nextRequest(state, false, "user"),
      };
    case "fetch-start":
      if (action.requestId !== state.request.id) return state;
      return { ...state, inFlight: { requestId: action.requestId, dirty: false } };
    case "fetch-done": {
      if (action.requestId !== state.request.id) return state;
      const dirty = state.inFlight?.dirty ?? false;
      if (action.leads.length === 0 && state.page > 1) {
        // Past the end (leads were deleted or left the filters): step back towards pages that have leads.
        const moved = { ...state, settledId: action.requestId, inFlight: null };
        return navigated(moved, state.filters, state.page - 1, state.unseen);
      }
      const shown = new Set(state.leads.map((lead) => lead.id));
      const highlight = state.request.cause === "live" && state.page === 1 && state.phase === "ready";
      const appeared = highlight ? action.leads.filter((lead) => !shown.has(lead.id)).map((l) => l.id) : [];
      const present = new Set(action.leads.map((lead) => lead.id));
      const freshIds = new Set([...state.freshIds].filter((id) => present.has(id)).concat(appeared));
      const next: InboxState = {
        ...state,
        leads: action.leads,
        total: action.total,
        phase: "ready",
        failure: null,
        inFlight: null,
        settledId: action.requestId,
        freshIds,
      };
      return dirty ? { ...next, request: nextRequest(next, true, "live") } : next;
    }
    case "fetch-failed":
      if (action.requestId !== state.request.id) return state;
      return {
        ...state,
        phase: state.phase === "loading" ? "error" : state.phase,
        failure: action.action,
        inFlight: null,
        settledId: action.requestId,
      };
    case "lead-change": {
      const { change } = action;
      if (change.kind === "insert") {
        if (change.lead.workspace_id !== state.workspaceId) return state;
        if (!mayMatchFilters(state.filters, change.lead)) return state;
        if (state.page > 1) return { ...state, unseen: state.unseen + 1 };
      }
      return refreshed(state);
    }
    case "conversation-change":
      return refreshed(state);
    case "live": {
      const next = { ...state, live: action.status };
      // Changes made while the connection was down were never delivered: catch up from the server.
      return state.live === "reconnecting" && action.status === "connected" ? refreshed(next) : next;
    }
  }
}
