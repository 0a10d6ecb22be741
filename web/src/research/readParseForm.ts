import type { SiteChoice } from "@arqan/shared";
import { maxTaskUrls, readTaskUrls } from "./readTaskUrls.ts";
import type { BrowserChoice, ParseInput } from "./researchRows.ts";

/** How many "next page" links a parse task may follow from each page given (the server's limit). */
export const maxFollowPages = 50;

/** The parse form as typed. */
export interface ParseFormFields {
  urls: string;
  site: SiteChoice;
  browser: BrowserChoice;
  followPages: string;
}

/** Something the operator must fix before the task is sent. */
export type ParseFormProblem =
  | { code: "no_urls" }
  | { code: "invalid_urls"; lines: string[] }
  | { code: "too_many_urls"; count: number }
  | { code: "invalid_follow_pages" };

/**
 * The parse task's input from the form, checked by the server's rules (1 to 500 absolute http(s) addresses,
 * 0 to 50 pages to follow), or every problem at once so the operator fixes them in one go.
 */
export function readParseForm(
  fields: ParseFormFields,
): { ok: true; input: ParseInput } | { ok: false; problems: ParseFormProblem[] } {
  const problems: ParseFormProblem[] = [];
  const { urls, invalid } = readTaskUrls(fields.urls);
  if (invalid.length > 0) problems.push({ code: "invalid_urls", lines: invalid });
  else if (urls.length === 0) problems.push({ code: "no_urls" });
  if (urls.length > maxTaskUrls) problems.push({ code: "too_many_urls", count: urls.length });
  const follow = fields.followPages.trim() === "" ? 0 : Number(fields.followPages);
  if (!Number.isInteger(follow) || follow < 0 || follow > maxFollowPages) {
    problems.push({ code: "invalid_follow_pages" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { urls, site: fields.site, browser: fields.browser, follow_pages: follow } };
}
