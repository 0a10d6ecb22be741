import type { LeadChange } from "../api/dashboardQueries.ts";
import type { LeadRow } from "../api/rows.ts";
import { type LeadsView, matchesView } from "./leadsView.ts";

/**
 * What a live change did to the page:
 * - `shown`: a new lead now sits on this page (highlight it);
 * - `counted`: a new matching lead is on another page; the total and `unseen` went up;
 * - `updated`: a row on this page changed in place;
 * - `removed`: a row left this page (deleted or no longer matching); the page is one short, refetch to refill;
 * - `stale`: the change may move the total or rows in ways only the server knows; refetch quietly;
 * - `ignored`: nothing on this view changes.
 */
export type LeadChangeOutcome = "shown" | "counted" | "updated" | "removed" | "stale" | "ignored";

function isNewer(a: LeadRow, b: LeadRow): boolean {
  return Date.parse(a.created_at) > Date.parse(b.created_at);
}

function insertNewestFirst(leads: LeadRow[], lead: LeadRow): LeadRow[] {
  const index = leads.findIndex((row) => isNewer(lead, row));
  return index === -1 ? [...leads, lead] : [...leads.slice(0, index), lead, ...leads.slice(index)];
}

/**
 * Applies one Realtime change to the page the user is looking at, without asking the server. Pure: returns the
 * next view and what happened, so the caller can highlight a row or refetch quietly. Applying an insert for a
 * lead already on the page counts as an update, so replaying changes over a fresh fetch is safe.
 */
export function applyLeadChange(
  view: LeadsView,
  change: LeadChange,
): { view: LeadsView; outcome: LeadChangeOutcome } {
  const id = change.kind === "delete" ? change.id : change.lead.id;
  const position = view.leads.findIndex((row) => row.id === id);
  const onPage = position !== -1;
  const filtered = view.status !== null || view.source !== null;

  if (change.kind === "delete") {
    if (!onPage) return { view, outcome: "stale" };
    return {
      view: { ...view, leads: view.leads.filter((row) => row.id !== id), total: Math.max(0, view.total - 1) },
      outcome: "removed",
    };
  }

  const lead = change.lead;
  if (lead.workspace_id !== view.workspaceId) return { view, outcome: "ignored" };
  const matches = matchesView(view, lead);

  if (onPage) {
    if (matches) {
      return {
        view: { ...view, leads: view.leads.map((row) => (row.id === id ? lead : row)) },
        outcome: "updated",
      };
    }
    return {
      view: { ...view, leads: view.leads.filter((row) => row.id !== id), total: Math.max(0, view.total - 1) },
      outcome: "removed",
    };
  }

  if (change.kind === "update") {
    // Under RLS the old row carries only its id: with filters on, it may have just entered or left them.
    return { view, outcome: filtered ? "stale" : "ignored" };
  }

  if (!matches) return { view, outcome: "ignored" };
  const last = view.leads.at(-1);
  const pageIsFull = view.leads.length >= view.pageSize;
  const belongsOnThisPage = view.page === 1 && (!pageIsFull || last === undefined || isNewer(lead, last));
  if (belongsOnThisPage) {
    return {
      view: {
        ...view,
        leads: insertNewestFirst(view.leads, lead).slice(0, view.pageSize),
        total: view.total + 1,
      },
      outcome: "shown",
    };
  }
  // Newest first: a lead older than the whole first page (a backdated import) is not "new" to announce.
  const unseen = view.page > 1 ? view.unseen + 1 : view.unseen;
  return { view: { ...view, total: view.total + 1, unseen }, outcome: "counted" };
}
