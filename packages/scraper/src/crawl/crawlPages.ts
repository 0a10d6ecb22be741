import type { FetchPath, ParsedPage } from "@arqan/shared";
import { Configuration } from "@crawlee/core";
import { createPageInput } from "../adapters/pageInput.ts";
import { readPage } from "../adapters/readPage.ts";
import type { CrawlError, CrawlOptions, CrawlResult, CrawlSummary } from "./crawlContract.ts";
import { createCrawleeLog } from "./createCrawleeLog.ts";
import { createDomainPacer } from "./createDomainPacer.ts";
import { createRobotsGate } from "./createRobotsGate.ts";
import type { FetchOutcome, FetchTicket, PageFetcher } from "./fetchTicket.ts";
import { judgeFetchedPage } from "./judgeFetchedPage.ts";
import { maxRetryAfterMs, parseRetryAfter, retryDelayMs } from "./planRetry.ts";
import { resolveCrawlSettings } from "./resolveCrawlSettings.ts";
import { rotateProxies } from "./rotateProxies.ts";
import { startBrowserFetcher } from "./startBrowserFetcher.ts";
import { startHttpFetcher } from "./startHttpFetcher.ts";

export type {
  CrawlError,
  CrawlErrorCode,
  CrawlOptions,
  CrawlProgress,
  CrawlResult,
  CrawlSummary,
} from "./crawlContract.ts";
export { CrawlOptionsError } from "./resolveCrawlSettings.ts";

/** One URL of the crawl, from the first try to its single result. */
interface Job {
  /** The URL as the caller gave it (results carry it back unchanged). */
  url: string;
  /** The parsed absolute URL that is fetched. */
  href: string;
  key: number;
  path: FetchPath;
  /** Tries so far on the current path (a page moved to the browser starts again at 0). */
  tries: number;
  /** Listing pages followed to reach this one. */
  depth: number;
  /** Handed to a fetcher, outcome not back yet. */
  fetching: boolean;
  finished: boolean;
}

/**
 * Fetches and reads many pages politely: HTTP first (Crawlee's HttpCrawler), headless Chromium (Crawlee's
 * PlaywrightCrawler) for the pages readPage finds to be JavaScript shells, a per-domain rate limit shared by both,
 * robots.txt honoured, retries with exponential backoff and Retry-After. Every URL gets exactly one `onPage` call;
 * crawl errors never throw (only invalid options do, and an `onPage` that throws stops the crawl and is rethrown).
 * Nothing is written to disk: a fresh in-memory Crawlee configuration per call.
 */
export async function crawlPages(options: CrawlOptions): Promise<CrawlSummary> {
  const settings = resolveCrawlSettings(options);
  const started = performance.now();
  const log = options.log ?? (() => {});
  const stop = new AbortController();
  const config = new Configuration({ persistStorage: false, purgeOnStart: false, headless: true });
  const crawleeLog = createCrawleeLog(options.log);
  const pacer = createDomainPacer({ defaultRate: settings.defaultRate, domainRates: settings.domainRates });
  const proxies = rotateProxies(settings.proxyUrls, settings.domainProxyUrls);
  const robots = settings.respectRobotsTxt
    ? createRobotsGate({
        userAgent: settings.userAgent,
        timeoutMs: settings.timeoutMs,
        pacer,
        proxyFor: proxies.next,
        signal: stop.signal,
        log,
      })
    : null;

  const jobs: Job[] = [];
  /** Every URL of the crawl, so a listing's next page already in it is not fetched twice. */
  const knownHrefs = new Set<string>();
  const ticketJobs = new Map<string, Job>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const counts = {
    ok: 0,
    failed: 0,
    blocked: 0,
    http: 0,
    browser: 0,
    finished: 0,
    delivered: 0,
    inFlight: 0,
  };
  let stopped = false;
  let fatal: { error: unknown } | null = null;
  let allDelivered: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allDelivered = resolve;
  });

  const fetchers: { http?: Promise<PageFetcher>; browser?: Promise<PageFetcher> } = {};
  const fetcherFor = (path: FetchPath): Promise<PageFetcher> => {
    const common = {
      config,
      log: crawleeLog,
      timeoutMs: settings.timeoutMs,
      maxPageBytes: settings.maxPageBytes,
      userAgent: settings.userAgent,
      proxyConfiguration: proxies.configuration,
      pacer,
      signal: stop.signal,
      onOutcome: handleOutcome,
    };
    if (path === "browser") {
      fetchers.browser ??= startBrowserFetcher({ ...common, concurrency: settings.browserConcurrency });
      return fetchers.browser;
    }
    fetchers.http ??= startHttpFetcher({ ...common, concurrency: settings.httpConcurrency });
    return fetchers.http;
  };

  const reportProgress = () => {
    try {
      options.onProgress?.({
        done: counts.finished,
        failed: counts.failed,
        total: jobs.length,
        queued: jobs.length - counts.finished - counts.inFlight,
      });
    } catch (error) {
      log(`onProgress threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const addJob = (url: string, depth: number): Job => {
    let href = "";
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") href = parsed.href;
    } catch {
      // Reported below as invalid_url.
    }
    const job: Job = {
      url,
      href,
      key: jobs.length,
      path: settings.browser === "always" ? "browser" : "http",
      tries: 0,
      depth,
      fetching: false,
      finished: false,
    };
    jobs.push(job);
    if (href) knownHrefs.add(href);
    return job;
  };

  const failure = (
    code: CrawlError["code"],
    message: string,
    status: number | null,
    retryable: boolean,
  ): CrawlError => ({
    code,
    message,
    status,
    retryable,
  });

  async function finish(job: Job, result: CrawlResult, deliver = true): Promise<void> {
    if (job.finished) return;
    job.finished = true;
    setFetching(job, false);
    counts.finished += 1;
    if (result.ok) counts.ok += 1;
    else {
      counts.failed += 1;
      if (result.error.code === "blocked") counts.blocked += 1;
    }
    const path = result.page?.fetch?.path;
    if (path === "http" || path === "browser") counts[path] += 1;
    if (deliver) {
      try {
        await options.onPage(result);
      } catch (error) {
        if (!fatal) {
          fatal = { error };
          log(`onPage threw, stopping the crawl: ${error instanceof Error ? error.message : String(error)}`);
          stopEverything(false);
        }
      }
      reportProgress();
    }
    counts.delivered += 1;
    if (counts.delivered === jobs.length) allDelivered();
  }

  function stopEverything(deliver: boolean): void {
    if (stopped) return;
    stopped = true;
    stop.abort();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const cancelled = failure("cancelled", "the crawl was cancelled before this page was done", null, true);
    for (const job of jobs) {
      if (!job.finished) void finish(job, { url: job.url, ok: false, error: cancelled, page: null }, deliver);
    }
  }

  function later(delayMs: number, step: () => Promise<void>): void {
    if (stopped) return;
    if (delayMs <= 0) {
      void step();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      void step();
    }, delayMs);
    timers.add(timer);
  }

  /** Robots check, then the domain's turn, then the fetcher. */
  async function dispatch(job: Job): Promise<void> {
    try {
      if (job.finished || stopped) return;
      if (robots) {
        const verdict = await robots.check(job.href);
        if (job.finished || stopped) return;
        if (!verdict.allowed) {
          await finish(job, {
            url: job.url,
            ok: false,
            error: failure("robots_disallowed", verdict.reason, null, verdict.retryable),
            page: null,
          });
          return;
        }
      }
      later(pacer.admit(job.href), () => handOver(job));
    } catch (error) {
      await finish(job, {
        url: job.url,
        ok: false,
        error: failure("network", errorText(error), null, true),
        page: null,
      });
    }
  }

  async function handOver(job: Job): Promise<void> {
    if (job.finished || stopped) return;
    job.tries += 1;
    const ticket: FetchTicket = { id: `${job.key}#${job.path}#${job.tries}`, url: job.href };
    ticketJobs.set(ticket.id, job);
    setFetching(job, true);
    try {
      const fetcher = await fetcherFor(job.path);
      await fetcher.fetch(ticket);
    } catch (error) {
      ticketJobs.delete(ticket.id);
      setFetching(job, false);
      const message =
        job.path === "browser" ? `could not start the browser: ${errorText(error)}` : errorText(error);
      await finish(job, {
        url: job.url,
        ok: false,
        error: failure("network", message, null, false),
        page: null,
      });
    }
  }

  function setFetching(job: Job, fetching: boolean): void {
    if (job.fetching !== fetching) counts.inFlight += fetching ? 1 : -1;
    job.fetching = fetching;
  }

  /** A fetcher's report on a ticket; whatever goes wrong here still ends in the job's single result. */
  async function handleOutcome(ticket: FetchTicket, outcome: FetchOutcome): Promise<void> {
    const job = ticketJobs.get(ticket.id);
    if (!job) return;
    ticketJobs.delete(ticket.id);
    setFetching(job, false);
    if (job.finished) return;
    try {
      await judgeOutcome(job, outcome);
    } catch (error) {
      const message = `internal error while handling the page: ${errorText(error)}`;
      await finish(job, {
        url: job.url,
        ok: false,
        error: failure("network", message, null, false),
        page: null,
      });
    }
  }

  async function judgeOutcome(job: Job, outcome: FetchOutcome): Promise<void> {
    if (!outcome.ok) {
      const error = failure(outcome.code, outcome.message, outcome.status, outcome.retryable);
      await retryOrGiveUp(job, error, null, null);
      return;
    }
    let page: ParsedPage;
    try {
      const input = createPageInput({
        url: outcome.finalUrl,
        body: outcome.body,
        contentType: outcome.contentType,
        status: outcome.status,
        site: settings.site,
      });
      page = {
        ...readPage(input),
        fetch: { path: outcome.path, status: outcome.status, ms: outcome.ms, bytes: outcome.bytes },
      };
    } catch (error) {
      const message = `the page came (HTTP ${outcome.status}) but could not be read: ${errorText(error)}`;
      await finish(job, {
        url: job.url,
        ok: false,
        error: failure("http_error", message, outcome.status, false),
        page: null,
      });
      return;
    }
    const verdict = judgeFetchedPage({
      status: outcome.status,
      page,
      body: outcome.body,
      path: outcome.path,
      browser: settings.browser,
    });
    if (verdict.action === "render") {
      log(`${job.url}: a JavaScript shell over HTTP; rendering it in the browser`);
      job.path = "browser";
      job.tries = 0;
      void dispatch(job);
      return;
    }
    if (verdict.action === "fail") {
      const error = failure(verdict.code, verdict.message, outcome.status, verdict.retryable);
      await retryOrGiveUp(job, error, page, parseRetryAfter(outcome.retryAfter));
      return;
    }
    const next = page.next_url;
    if (next && job.depth < settings.followPages && !knownHrefs.has(next)) {
      void dispatch(addJob(next, job.depth + 1));
    }
    await finish(job, { url: job.url, ok: true, page });
  }

  async function retryOrGiveUp(
    job: Job,
    error: CrawlError,
    page: ParsedPage | null,
    retryAfterMs: number | null,
  ): Promise<void> {
    const triesLeft = settings.maxRetries + 1 - job.tries;
    if (error.retryable && triesLeft > 0 && (retryAfterMs ?? 0) <= maxRetryAfterMs) {
      const delay = retryDelayMs(job.tries, settings.backoffMs, retryAfterMs);
      log(`${job.url}: ${error.message}; will retry in ${delay} ms (${triesLeft} tries left)`);
      later(delay, () => dispatch(job));
      return;
    }
    log(`${job.url}: ${error.message}; gave up after ${job.tries} tries`);
    await finish(job, { url: job.url, ok: false, error, page });
  }

  const onAbort = () => {
    log("the crawl was cancelled");
    stopEverything(true);
  };
  for (const url of options.urls) addJob(url, 0);
  if (jobs.length === 0) allDelivered();
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  for (const job of [...jobs]) {
    if (job.href === "") {
      void finish(job, {
        url: job.url,
        ok: false,
        error: failure("invalid_url", `not an absolute http(s) URL: ${JSON.stringify(job.url)}`, null, false),
        page: null,
      });
    } else {
      void dispatch(job);
    }
  }

  await done;
  options.signal?.removeEventListener("abort", onAbort);
  for (const timer of timers) clearTimeout(timer);
  for (const fetcher of [fetchers.http, fetchers.browser]) {
    if (!fetcher) continue;
    const running = await fetcher.catch(() => null);
    if (!running) continue;
    await (stopped ? running.abort() : running.close()).catch((error: unknown) =>
      log(`closing a fetcher: ${errorText(error)}`),
    );
  }
  if (fatal) throw fatal.error;
  const ms = Math.round(performance.now() - started);
  return {
    pages: jobs.length,
    ok: counts.ok,
    failed: counts.failed,
    blocked: counts.blocked,
    byPath: { http: counts.http, browser: counts.browser },
    ms,
    pagesPerMinute: ms > 0 ? Math.round((jobs.length / ms) * 60_000) : 0,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
}
