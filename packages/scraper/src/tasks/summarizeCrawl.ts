import type { CrawlResult } from "../crawl/crawlPages.ts";
import type { TaskOutcome } from "./parserTask.ts";

/** What a task's pages came to: the parse task's result and the basis of its outcome. */
export interface CrawlTaskSummary {
  pages: number;
  ok: number;
  failed: number;
  blocked: number;
  by_path: { http: number; browser: number };
  by_kind: Record<string, number>;
  /** Fields readers expected and could not read, with how many pages lacked each (a changed layout). */
  missing: Record<string, number>;
  errors: Record<string, number>;
}

export function summarizeCrawl(results: CrawlResult[]): CrawlTaskSummary {
  const summary: CrawlTaskSummary = {
    pages: results.length,
    ok: 0,
    failed: 0,
    blocked: 0,
    by_path: { http: 0, browser: 0 },
    by_kind: {},
    missing: {},
    errors: {},
  };
  for (const result of results) {
    const page = result.page;
    if (result.ok) summary.ok += 1;
    else {
      summary.failed += 1;
      summary.errors[result.error.code] = (summary.errors[result.error.code] ?? 0) + 1;
      if (result.error.code === "blocked") summary.blocked += 1;
    }
    if (page === null) continue;
    if (page.fetch?.path === "http") summary.by_path.http += 1;
    if (page.fetch?.path === "browser") summary.by_path.browser += 1;
    summary.by_kind[page.kind] = (summary.by_kind[page.kind] ?? 0) + 1;
    for (const field of page.missing) summary.missing[field] = (summary.missing[field] ?? 0) + 1;
  }
  return summary;
}

/**
 * Every page read with every field → done; all pages blocked → blocked; nothing read → failed; anything in
 * between (a failed page, a page with fields missing) → partial, and the batch still delivers what it read.
 */
export function decideOutcome(summary: CrawlTaskSummary): TaskOutcome {
  if (summary.pages > 0 && summary.blocked === summary.pages) return "blocked";
  if (summary.ok === 0) return "failed";
  if (summary.failed > 0 || Object.keys(summary.missing).length > 0) return "partial";
  return "done";
}
