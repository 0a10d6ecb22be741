import { emptySeo, type ParsedPage } from "@arqan/shared";
import type { ScraperEnv } from "../config/readScraperEnv.ts";
import { type CrawlOptions, type CrawlResult, crawlPages } from "../crawl/crawlPages.ts";
import { buildNicheSearchUrls } from "../research/buildNicheSearchUrls.ts";
import { buildResearchReport } from "../research/buildResearchReport.ts";
import { crawlOptionsFromEnv } from "./crawlOptionsFromEnv.ts";
import {
  type ClaimedTask,
  nicheTaskInputSchema,
  parseTaskInputSchema,
  type TaskOutcome,
} from "./parserTask.ts";
import { decideOutcome, summarizeCrawl } from "./summarizeCrawl.ts";
import type { TaskStore } from "./taskStore.ts";

export interface RunTaskDeps {
  store: TaskStore;
  workerId: string;
  env: ScraperEnv;
  /** How long a claim stays ours without a progress report. */
  visibilitySeconds: number;
  /** The worker is stopping: the task goes back to the queue. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Progress is written at most this often (ms). */
  progressIntervalMs?: number;
  /** Crawl settings a caller forces (tests, the local fixture site). */
  crawlOverrides?: Partial<CrawlOptions>;
}

/** What became of a claimed task. `lost`: the lease was lost or the task cancelled; nothing more was written. */
export type RunTaskResult = TaskOutcome | "lost" | "requeued";

/**
 * Runs one claimed parser task to its end: crawls its pages (HTTP first, the browser when a page needs it), stores
 * every page and its products as it is read, streams progress, and ends the task done, partial, blocked or failed.
 * A niche task also turns the listings into the niche report.
 */
export async function runParserTask(task: ClaimedTask, deps: RunTaskDeps): Promise<RunTaskResult> {
  const log = deps.log ?? (() => {});
  const plan = planTask(task, deps.env);
  if ("error" in plan) {
    await deps.store.fail(task, deps.workerId, plan.error, false);
    return "failed";
  }

  const stop = new AbortController();
  let lost = false;
  const onStop = () => stop.abort();
  deps.signal?.addEventListener("abort", onStop);
  const results: CrawlResult[] = [];
  let items = 0;
  const progress = { total: plan.urls.length, done: 0, failed: 0 };
  let lastReport = 0;
  let reporting: Promise<void> = Promise.resolve();
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < (deps.progressIntervalMs ?? 500)) return;
    lastReport = now;
    const snapshot = { ...progress, items, note: plan.note(results) };
    reporting = reporting.then(async () => {
      if (lost) return;
      const kept = await deps.store.reportProgress(task, deps.workerId, snapshot, deps.visibilitySeconds);
      if (!kept) {
        lost = true;
        stop.abort();
      }
    });
  };

  try {
    report(true);
    await crawlPages({
      ...crawlOptionsFromEnv(deps.env),
      ...deps.crawlOverrides,
      ...plan.crawl,
      urls: plan.urls,
      signal: stop.signal,
      log,
      onProgress: (p) => {
        progress.total = Math.max(p.total, progress.total);
        progress.done = p.done;
        progress.failed = p.failed;
        report(false);
      },
      onPage: async (result) => {
        if (lost) return;
        results.push(result);
        const page = result.page ?? failedPage(result);
        items += page.items.length + (page.product ? 1 : 0) + page.offers.length;
        try {
          await deps.store.recordPage(
            task,
            deps.workerId,
            result.url,
            page,
            result.ok ? null : { code: result.error.code, message: result.error.message },
          );
        } catch (error) {
          if (isLeaseLost(error)) {
            lost = true;
            stop.abort();
            return;
          }
          throw error;
        }
      },
    });
    report(true);
    await reporting;
    if (lost) return "lost";
    if (deps.signal?.aborted) {
      await deps.store.fail(
        task,
        deps.workerId,
        { code: "worker_stopped", message: "The worker stopped" },
        true,
      );
      return "requeued";
    }
    const summary = summarizeCrawl(results);
    const outcome = decideOutcome(summary);
    const result = plan.kind === "niche" ? plan.report(results, summary) : summary;
    const error =
      outcome === "blocked"
        ? { code: "blocked", message: "Every page answered with a captcha or refused access" }
        : outcome === "failed"
          ? { code: "no_pages_read", message: "No page could be read" }
          : null;
    await deps.store.complete(task, deps.workerId, outcome, result, error);
    log(`[scraper] task ${task.id} ${outcome}: ${summary.ok}/${summary.pages} pages, ${items} items`);
    return outcome;
  } catch (error) {
    await reporting.catch(() => {});
    if (lost || isLeaseLost(error)) return "lost";
    const message = error instanceof Error ? error.message : String(error);
    log(`[scraper] task ${task.id} failed: ${message}`);
    const status = await deps.store.fail(task, deps.workerId, { code: "worker_error", message }, true);
    return status === "failed" ? "failed" : "requeued";
  } finally {
    deps.signal?.removeEventListener("abort", onStop);
  }
}

interface TaskPlan {
  kind: "parse" | "niche";
  urls: string[];
  crawl: Partial<CrawlOptions>;
  note(results: CrawlResult[]): string | null;
  report(results: CrawlResult[], summary: ReturnType<typeof summarizeCrawl>): unknown;
}

function planTask(
  task: ClaimedTask,
  env: ScraperEnv,
): TaskPlan | { error: { code: string; message: string } } {
  if (task.kind === "parse") {
    const input = parseTaskInputSchema.safeParse(task.input);
    if (!input.success)
      return { error: { code: "invalid_input", message: input.error.issues[0]?.message ?? "" } };
    return {
      kind: "parse",
      urls: input.data.urls,
      crawl: { site: input.data.site, browser: input.data.browser, followPages: input.data.follow_pages },
      note: (results) => results.at(-1)?.url ?? null,
      report: () => null,
    };
  }
  const input = nicheTaskInputSchema.safeParse(task.input);
  if (!input.success)
    return { error: { code: "invalid_input", message: input.error.issues[0]?.message ?? "" } };
  const searches = buildNicheSearchUrls(input.data, env.baseUrls);
  return {
    kind: "niche",
    urls: searches.map((search) => search.url),
    crawl: { site: "auto", browser: "auto", followPages: input.data.max_pages - 1 },
    note: (results) => {
      const last = results.at(-1);
      return last ? `${last.page?.site ?? ""} ${last.url}`.trim() : null;
    },
    report: (results) => buildResearchReport(input.data, searches, results, new Date()),
  };
}

/** A page row for a URL that could not be read at all, so it still shows with its error. */
function failedPage(result: CrawlResult): ParsedPage {
  return {
    site: "generic",
    kind: "unknown",
    url: result.url,
    title: null,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo: emptySeo(),
    missing: [],
    source: "none",
  };
}

function isLeaseLost(error: unknown): boolean {
  return (
    error instanceof Error &&
    /lease_lost/.test(`${error.message} ${"code" in error ? String(error.code) : ""}`)
  );
}
