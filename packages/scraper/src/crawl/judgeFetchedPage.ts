import type { FetchPath, ParsedPage } from "@arqan/shared";
import type { CrawlErrorCode } from "./crawlContract.ts";
import { looksLikeJsShell } from "./looksLikeJsShell.ts";

/** What to do with a page that came back with a response. */
export type PageVerdict =
  | { action: "accept" }
  /** An empty JavaScript shell fetched over HTTP: render it in the browser. */
  | { action: "render" }
  | { action: "fail"; code: CrawlErrorCode; message: string; retryable: boolean };

export interface FetchedPageFacts {
  status: number;
  /** readPage's reading of the body. */
  page: ParsedPage;
  body: string;
  path: FetchPath;
  browser: "auto" | "never" | "always";
}

/**
 * The crawl's rules for a response: 404/410 are final; 403 and 429 (and a captcha page served with 200) mean the
 * site is pushing back, so the URL is retried later and reported "blocked" if it keeps happening; 5xx and 408 are
 * retried; other 4xx are final. A JavaScript shell read over HTTP goes to the browser when the crawl allows it.
 */
export function judgeFetchedPage(facts: FetchedPageFacts): PageVerdict {
  const { status, page } = facts;
  if (status === 404 || status === 410) {
    return {
      action: "fail",
      code: "not_found",
      message: `HTTP ${status}: the page does not exist`,
      retryable: false,
    };
  }
  if (status === 403 || status === 429) {
    const why = status === 429 ? "too many requests" : "access forbidden";
    return { action: "fail", code: "blocked", message: `HTTP ${status}: ${why}`, retryable: true };
  }
  if (status >= 500 || status === 408) {
    return {
      action: "fail",
      code: "http_error",
      message: `HTTP ${status}: the server failed`,
      retryable: true,
    };
  }
  if (status >= 400) {
    return { action: "fail", code: "http_error", message: `HTTP ${status}`, retryable: false };
  }
  if (page.kind === "blocked") {
    return {
      action: "fail",
      code: "blocked",
      message: "the site answered with a captcha or an anti-bot page",
      retryable: true,
    };
  }
  if (page.kind === "not_found") {
    return {
      action: "fail",
      code: "not_found",
      message: "the page says it does not exist",
      retryable: false,
    };
  }
  const isShell = page.kind === "needs_js" || (page.kind === "unknown" && looksLikeJsShell(facts.body));
  if ((isShell || needsScriptsForPart(page)) && facts.path === "http" && facts.browser === "auto") {
    return { action: "render" };
  }
  return { action: "accept" };
}

/**
 * Pages whose served HTML carries most of the data but loads one part with scripts, by site and page kind: a Kaspi
 * product page lists its sellers (names, merchant ids, prices) only once scripts have run.
 */
function needsScriptsForPart(page: ParsedPage): boolean {
  return page.site === "kaspi" && page.kind === "product" && page.missing.includes("sellers");
}
