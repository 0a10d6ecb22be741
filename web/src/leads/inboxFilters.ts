import type { LeadSearchFilters } from "../api/inboxQueries.ts";
import type { LeadRow } from "../api/rows.ts";

/** What the inbox is filtered by (the search's filters). */
export type InboxFilters = LeadSearchFilters;

export const noFilters: InboxFilters = {
  status: null,
  source: null,
  campaignId: null,
  scoreMin: null,
  scoreMax: null,
  language: null,
  search: "",
};

/** Whether any filter narrows the list. */
export function isFiltered(filters: InboxFilters): boolean {
  return (
    filters.status !== null ||
    filters.source !== null ||
    filters.campaignId !== null ||
    filters.scoreMin !== null ||
    filters.scoreMax !== null ||
    filters.language !== null ||
    filters.search.trim() !== ""
  );
}

/** A score typed into a filter box: a whole number 0–100, or null for empty or anything else. */
export function parseScoreInput(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 100 ? value : null;
}

const digitsOf = (text: string) => text.replace(/\D/g, "");

/**
 * Whether a lead that arrived live may be in the filtered list, judged in the browser (the server decides when
 * the list is fetched): every filter the row carries must pass, and the search must appear in the name or
 * (three digits or more) in the phone.
 */
export function mayMatchFilters(filters: InboxFilters, lead: LeadRow): boolean {
  if (filters.status !== null && lead.status !== filters.status) return false;
  if (filters.source !== null && lead.source_platform !== filters.source) return false;
  if (filters.campaignId !== null && lead.campaign_id !== filters.campaignId) return false;
  if (filters.language !== null && lead.language !== filters.language) return false;
  if (filters.scoreMin !== null && (lead.score === null || lead.score < filters.scoreMin)) return false;
  if (filters.scoreMax !== null && (lead.score === null || lead.score > filters.scoreMax)) return false;
  const search = filters.search.trim().toLowerCase();
  if (search === "") return true;
  if ((lead.name ?? "").toLowerCase().includes(search)) return true;
  const digits = digitsOf(search);
  return digits.length >= 3 && digitsOf(lead.phone ?? "").includes(digits);
}
