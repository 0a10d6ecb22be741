import type { PageKind } from "@arqan/shared";
import { isHtmlPage } from "../generic/isHtmlPage.ts";
import { readVisibleText } from "../generic/readVisibleText.ts";
import type { PageInput } from "../pageInput.ts";
import { detectBlockedPage, type PageFacts } from "./detectBlockedPage.ts";
import { detectJsShell } from "./detectJsShell.ts";
import { detectNotFoundPage } from "./detectNotFoundPage.ts";
import { hasDataCarrier } from "./hasDataCarrier.ts";

/** The page kinds that are not the page asked for: nothing on them may be read as results. */
export type PageClass = Extract<PageKind, "not_found" | "needs_js" | "blocked">;

export interface PageDiagnosis {
  kind: PageClass;
  /** Why, as the result's source says it ("classify:<reason>"): "captcha", "status-404", "empty-app-root"… */
  reason: string;
}

/**
 * What is wrong with a page before any reader looks at it, in this order: an anti-bot answer (blocked), an
 * error page (not_found), an empty JavaScript shell (needs_js). Null for a page to read.
 */
export function diagnosePage(input: PageInput): PageDiagnosis | null {
  if (!isHtmlPage(input)) {
    if (input.status === 429) return { kind: "blocked", reason: "rate-limited" };
    if (input.status === 404 || input.status === 410)
      return { kind: "not_found", reason: `status-${input.status}` };
    return null;
  }
  const $ = input.dom();
  const facts: PageFacts = {
    status: input.status,
    body: input.body,
    // The rules only look at the text of short pages: a little more than the longest threshold is enough.
    text: readVisibleText($, 2_001),
    carriesData: hasDataCarrier($, input.body),
  };
  const blocked = detectBlockedPage($, facts);
  if (blocked !== null) return { kind: "blocked", reason: blocked };
  const notFound = detectNotFoundPage($, facts);
  if (notFound !== null) return { kind: "not_found", reason: notFound };
  const shell = detectJsShell($, facts);
  if (shell !== null) return { kind: "needs_js", reason: shell };
  return null;
}

/** The page's class when it is not the page asked for (blocked, not_found, needs_js); null for a page to read. */
export function classifyPage(input: PageInput): PageClass | null {
  return diagnosePage(input)?.kind ?? null;
}
