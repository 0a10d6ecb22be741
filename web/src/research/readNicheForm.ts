import { type NicheSite, nicheSites } from "@arqan/shared";
import type { NicheTaskInput } from "./researchRows.ts";

/** How many result pages a niche task may read per marketplace (the server's limit). */
export const maxNichePages = 20;

/** The niche form as typed. */
export interface NicheFormFields {
  query: string;
  /** "" for any city. */
  city: string;
  sites: readonly NicheSite[];
  maxPages: string;
}

export type NicheFormProblem =
  | { code: "invalid_query" }
  | { code: "no_sites" }
  | { code: "invalid_max_pages" };

/** The longest query the server takes. */
const maxQueryLength = 200;

/**
 * The niche task's input from the form, checked by the server's rules (a query of 1 to 200 characters, at least
 * one marketplace, 1 to 20 pages each), or every problem at once. Sites keep the marketplaces' order.
 */
export function readNicheForm(
  fields: NicheFormFields,
): { ok: true; input: NicheTaskInput } | { ok: false; problems: NicheFormProblem[] } {
  const problems: NicheFormProblem[] = [];
  const query = fields.query.trim();
  if (query === "" || Array.from(query).length > maxQueryLength) problems.push({ code: "invalid_query" });
  const sites = nicheSites.filter((site) => fields.sites.includes(site));
  if (sites.length === 0) problems.push({ code: "no_sites" });
  const maxPages = Number(fields.maxPages);
  if (
    fields.maxPages.trim() === "" ||
    !Number.isInteger(maxPages) ||
    maxPages < 1 ||
    maxPages > maxNichePages
  ) {
    problems.push({ code: "invalid_max_pages" });
  }
  if (problems.length > 0) return { ok: false, problems };
  const city = fields.city.trim();
  return { ok: true, input: { query, city: city === "" ? null : city, sites, max_pages: maxPages } };
}
