// Scraper throughput against the local fixture shop (started in its own process), per-domain limit off, 300 pages
// per path, in one run: (1) crawlPages over server-rendered JSON-LD pages, browser "never"; (2) plain Crawlee
// CheerioCrawler, default settings, over the same pages; (3) crawlPages over the /js/ shells, browser "always"
// (and "auto": HTTP read, then the browser); (4) plain PlaywrightCrawler, default settings, same Chromium, over the
// same shells. Warm-ups first, then two alternating rounds per path (the better of each side counts). Memory of this
// process and its Chromium children (the shop's process left out): peak summed VmRSS (counts Chromium's shared pages
// once per process) and peak summed PSS (shared pages split: the real footprint), ours and the baselines'.
// Targets: ≥ 3000 pages/min HTTP, ≥ 300 pages/min browser, peak RSS ≤ 700 MB, at least as fast as plain Crawlee.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CheerioCrawler } from "@crawlee/cheerio";
import { Configuration, Log, LogLevel } from "@crawlee/core";
import { PlaywrightCrawler } from "@crawlee/playwright";
import sparticuz from "@sparticuz/chromium";
import { chromium } from "playwright-core";
import { crawlPages } from "../packages/scraper/src/crawl/crawlPages.ts";
import { startScraperFixtureProcess } from "./support/scraperFixtureProcess.ts";
import { sampleTreeRss } from "./support/scraperRss.ts";
import { printBench, round } from "./support/startBenchDatabase.ts";

// Each measured run starts from a collected heap, so one phase's garbage is not counted in the next one's peak.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const pages = 300;
const shop = await startScraperFixtureProcess(pages + 20);
const productUrls = Array.from({ length: pages }, (_, i) => `${shop.url}/product/${i + 1}`);
const shellUrls = Array.from({ length: pages }, (_, i) => `${shop.url}/js/product/${i + 1}`);
/** Crawlee's own logging stays off in the baselines too: only the BENCH line goes to stdout. */
const quiet = () => new Log({ level: LogLevel.OFF });
const perMinute = (count: number, ms: number) => round((count / ms) * 60_000, 0);

async function ours(urls: string[], browser: "never" | "always" | "auto") {
  collectGarbage();
  const memory = sampleTreeRss([shop.pid]);
  let ok = 0;
  const started = performance.now();
  const summary = await crawlPages({
    urls,
    browser,
    ratePerSecondPerDomain: null,
    onPage: (result) => {
      if (result.ok && result.page.kind === "product") ok += 1;
    },
  });
  const ms = performance.now() - started;
  const peak = memory.stop();
  if (ok !== urls.length)
    throw new Error(
      `crawlPages (${browser}) read ${ok} of ${urls.length} products: ${JSON.stringify(summary)}`,
    );
  return { perMin: perMinute(urls.length, ms), peak, summary };
}

async function plainCheerio(urls: string[]) {
  collectGarbage();
  const memory = sampleTreeRss([shop.pid]);
  let read = 0;
  const started = performance.now();
  const crawler = new CheerioCrawler(
    {
      log: quiet(),
      requestHandler: async ({ $ }) => {
        const title = $("title").text();
        const ld = JSON.parse($('script[type="application/ld+json"]').first().text() || "null");
        if (title && ld?.name) read += 1;
      },
    },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  const ms = performance.now() - started;
  const peak = memory.stop();
  if (read !== urls.length) throw new Error(`plain CheerioCrawler read ${read} of ${urls.length}`);
  return { perMin: perMinute(urls.length, ms), peak };
}

async function plainPlaywright(urls: string[]) {
  collectGarbage();
  const memory = sampleTreeRss([shop.pid]);
  let read = 0;
  const started = performance.now();
  const crawler = new PlaywrightCrawler(
    {
      log: quiet(),
      launchContext: {
        launcher: chromium,
        launchOptions: {
          executablePath: await sparticuz.executablePath(),
          args: sparticuz.args,
          headless: true,
        },
      },
      requestHandler: async ({ page }) => {
        const ld = JSON.parse(
          (await page.locator('script[type="application/ld+json"]').textContent()) ?? "null",
        );
        if ((await page.title()) && ld?.name) read += 1;
      },
    },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  const ms = performance.now() - started;
  const peak = memory.stop();
  if (read !== urls.length) throw new Error(`plain PlaywrightCrawler read ${read} of ${urls.length}`);
  return { perMin: perMinute(urls.length, ms), peak };
}

/** The faster of two rounds: this shared 2-core machine stalls now and then, and both sides get the same chance. */
function best<T extends { perMin: number }>(runs: T[]): T {
  return runs.reduce((a, b) => (b.perMin > a.perMin ? b : a));
}
const mb = (value: number) => round(value, 0);

try {
  // Warm-up: module loading, JIT and the shop's caches, for both sides, before anything is timed.
  await ours(productUrls.slice(0, 30), "never");
  await plainCheerio(productUrls.slice(0, 30));
  // Alternating rounds, so neither side always runs on a warmer or a busier machine.
  const httpRuns = [];
  const baselineHttpRuns = [];
  for (let round = 0; round < 2; round++) {
    httpRuns.push(await ours(productUrls, "never"));
    baselineHttpRuns.push(await plainCheerio(productUrls));
  }
  const http = best(httpRuns);
  const baselineHttp = best(baselineHttpRuns);
  console.error(
    `HTTP, crawlPages: ${httpRuns.map((r) => r.perMin).join(", ")} pages/min; plain CheerioCrawler: ${baselineHttpRuns.map((r) => r.perMin).join(", ")}`,
  );

  const browserRuns = [];
  const baselineBrowserRuns = [];
  for (let round = 0; round < 2; round++) {
    browserRuns.push(await ours(shellUrls, "always"));
    baselineBrowserRuns.push(await plainPlaywright(shellUrls));
  }
  const browser = best(browserRuns);
  const baselineBrowser = best(baselineBrowserRuns);
  console.error(
    `browser, crawlPages: ${browserRuns.map((r) => r.perMin).join(", ")} pages/min; plain PlaywrightCrawler: ${baselineBrowserRuns.map((r) => r.perMin).join(", ")}`,
  );
  const auto = await ours(shellUrls, "auto");
  console.error(`browser "auto" (HTTP read first): ${auto.perMin} pages/min`);
  const peakRss = Math.max(...[...httpRuns, ...browserRuns, auto].map((r) => r.peak.rssMb));
  const peakPss = Math.max(...[...httpRuns, ...browserRuns, auto].map((r) => r.peak.pssMb));
  printBench({
    name: "scraper",
    http_pages_per_min: http.perMin,
    browser_pages_per_min: browser.perMin,
    baseline_http_pages_per_min: baselineHttp.perMin,
    baseline_browser_pages_per_min: baselineBrowser.perMin,
    http_ratio: round(http.perMin / baselineHttp.perMin, 2),
    browser_ratio: round(browser.perMin / baselineBrowser.perMin, 2),
    peak_rss_mb: mb(peakRss),
    peak_pss_mb: mb(peakPss),
    peak_rss_http_mb: mb(Math.max(...httpRuns.map((r) => r.peak.rssMb))),
    peak_rss_browser_mb: mb(Math.max(...browserRuns.map((r) => r.peak.rssMb))),
    peak_pss_browser_mb: mb(Math.max(...browserRuns.map((r) => r.peak.pssMb))),
    baseline_peak_rss_browser_mb: mb(Math.max(...baselineBrowserRuns.map((r) => r.peak.rssMb))),
    baseline_peak_pss_browser_mb: mb(Math.max(...baselineBrowserRuns.map((r) => r.peak.pssMb))),
    browser_auto_pages_per_min: auto.perMin,
    pages_http: pages,
    pages_browser: pages,
    targets: { http_pages_per_min: 3000, browser_pages_per_min: 300, peak_rss_mb: 700, ratio: 1 },
  });
} finally {
  await shop.stop();
}
