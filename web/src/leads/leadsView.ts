import type { LeadRow, LeadStatus, Platform } from "../api/rows.ts";

/** What the leads page shows: one page of one workspace's leads under the chosen filters. */
export interface LeadsView {
  workspaceId: string;
  status: LeadStatus | null;
  source: Platform | null;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The rows on this page, newest first. */
  leads: LeadRow[];
  /** How many leads match the filters in all pages. */
  total: number;
  /** Matching leads that arrived live but are not on this page ("N new leads"). */
  unseen: number;
}

/** Whether a lead belongs in the view's workspace and passes its filters. */
export function matchesView(view: LeadsView, lead: LeadRow): boolean {
  return (
    lead.workspace_id === view.workspaceId &&
    (view.status === null || lead.status === view.status) &&
    (view.source === null || lead.source_platform === view.source)
  );
}
