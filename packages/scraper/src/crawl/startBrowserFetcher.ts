import type { Configuration, Log, ProxyConfiguration } from "@crawlee/core";
import { PlaywrightCrawler } from "@crawlee/playwright";
import sparticuz from "@sparticuz/chromium";
import { chromium } from "playwright-core";
import { classifyFetchError } from "./classifyFetchError.ts";
import { crawlerPoolOptions } from "./crawlerPoolOptions.ts";
import type { DomainPacer } from "./createDomainPacer.ts";
import type { FetchTicket, OutcomeHandler, PageFetcher } from "./fetchTicket.ts";
import { PageTooLargeError } from "./readBodyWithinLimit.ts";
import { waitForRenderedContent } from "./waitForRenderedContent.ts";

/**
 * What a page never needs to be read, switched off inside Chromium itself: images (CSS backgrounds included), web
 * fonts and autoplaying media; stylesheets stay, layouts may depend on them. Inside the browser no request of a page
 * makes a round trip through Node, as Playwright's request interception would (it slowed a page by a third and grew
 * Node's heap). The blink settings repeat Playwright's own input-device defaults, which this switch replaces.
 */
const heavyResourcesOff = [
  "--blink-settings=imagesEnabled=false,primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
  "--disable-remote-fonts",
  "--autoplay-policy=user-gesture-required",
];

/** Enough pages through one browser for any run we make; retiring it frees memory on very long runs. */
const pagesPerBrowser = 5000;

export interface BrowserFetcherSettings {
  config: Configuration;
  log: Log;
  concurrency: number;
  timeoutMs: number;
  maxPageBytes: number;
  userAgent: string;
  proxyConfiguration: ProxyConfiguration | undefined;
  pacer: DomainPacer;
  signal: AbortSignal;
  onOutcome: OutcomeHandler;
}

/**
 * Starts the browser path: Crawlee's PlaywrightCrawler over the bundled headless Chromium, one browser for the
 * whole run with several pages open at once, images/fonts/media switched off. Without proxies the browser runs as one
 * process with one shared context (a new page costs little there); with proxies each page gets its own context,
 * so the proxy can change per request, and Chromium runs its usual processes (contexts are unstable in
 * single-process mode).
 */
export async function startBrowserFetcher(settings: BrowserFetcherSettings): Promise<PageFetcher> {
  const tickets = new Map<string, { ticket: FetchTicket; startedAt: number }>();
  const perRequestProxy = settings.proxyConfiguration !== undefined;
  const args = [
    ...sparticuz.args.filter((arg) => !perRequestProxy || arg !== "--single-process"),
    // Chrome's memory-saving mode (smaller caches and tiles): about 250 MB instead of 450+ MB for a run of
    // hundreds of pages, for a little speed.
    "--enable-low-end-device-mode",
    // Keep Chromium from calling Google's hosts on its own.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    ...heavyResourcesOff,
  ];
  const crawler = new PlaywrightCrawler(
    {
      ...(await crawlerPoolOptions("browser", settings)),
      launchContext: {
        launcher: chromium,
        useIncognitoPages: perRequestProxy,
        userAgent: settings.userAgent,
        launchOptions: { executablePath: await sparticuz.executablePath(), args, headless: true },
      },
      browserPoolOptions: {
        useFingerprints: false,
        maxOpenPagesPerBrowser: settings.concurrency,
        retireBrowserAfterPageCount: pagesPerBrowser,
      },
      preNavigationHooks: [
        async ({ request }, gotoOptions) => {
          if (gotoOptions) gotoOptions.waitUntil = "domcontentloaded";
          await settings.pacer.holdStart(request.url);
          const entry = tickets.get(request.uniqueKey);
          if (entry) entry.startedAt = performance.now();
        },
      ],
      requestHandler: async ({ request, page, response }) => {
        const entry = tickets.get(request.uniqueKey);
        if (!entry) return;
        const declared = Number(response?.headers()["content-length"] ?? Number.NaN);
        if (declared > settings.maxPageBytes)
          throw new PageTooLargeError(settings.maxPageBytes, declared, true);
        await waitForRenderedContent(page, Math.min(settings.timeoutMs, 10_000));
        const html = await page.content();
        const bytes = Buffer.byteLength(html, "utf8");
        if (bytes > settings.maxPageBytes) throw new PageTooLargeError(settings.maxPageBytes, bytes, false);
        tickets.delete(request.uniqueKey);
        const headers = response?.headers() ?? {};
        await settings.onOutcome(entry.ticket, {
          ok: true,
          path: "browser",
          status: response?.status() ?? 200,
          finalUrl: page.url(),
          contentType: headers["content-type"] ?? null,
          retryAfter: headers["retry-after"] ?? null,
          body: html,
          bytes,
          ms: Math.round(performance.now() - entry.startedAt),
        });
      },
      failedRequestHandler: async ({ request }, error) => {
        const entry = tickets.get(request.uniqueKey);
        if (!entry) return;
        tickets.delete(request.uniqueKey);
        await settings.onOutcome(entry.ticket, classifyFetchError(error, "browser", settings.signal.aborted));
      },
    },
    settings.config,
  );
  const running = crawler.run();

  return {
    async fetch(ticket) {
      tickets.set(ticket.id, { ticket, startedAt: performance.now() });
      await crawler.addRequests([{ url: ticket.url, uniqueKey: ticket.id }]);
    },
    async close() {
      crawler.stop();
      await running;
    },
    async abort() {
      await crawler.teardown();
      await running.catch(() => {});
    },
  };
}
