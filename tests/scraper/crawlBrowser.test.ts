import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FixtureSite, startFixtureSite } from "../fakes/fixtureSite.ts";
import { launchChromium } from "../support/launchChromium.ts";
import { type CountingProxy, collectCrawl, startCountingProxy } from "./crawlSupport.ts";

/** Chromium processes started by this test process that are still running. */
async function ourChromiumProcesses(): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8");
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      if (parent === process.pid && cmdline.includes("chromium")) found.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

/**
 * The browser path in real headless Chromium (@sparticuz/chromium through Crawlee's PlaywrightCrawler): pages
 * readPage finds to be JavaScript shells are rendered, images are not downloaded, nothing lands on disk or stdout.
 */
describe("crawlPages in the browser", () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({ pages: 40 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it("renders the JavaScript shells HTTP found, reads their product, and downloads no images or fonts", async () => {
    const before = site.requests.length;
    const urls = [1, 2, 3].map((n) => site.jsProductUrl(n));
    const crawl = await collectCrawl({ urls, browser: "auto" });
    for (const n of [1, 2, 3]) {
      const result = crawl.resultFor(site.jsProductUrl(n));
      expect(result.ok).toBe(true);
      expect(result.page?.fetch).toMatchObject({ path: "browser", status: 200 });
      expect(result.page?.title).toContain(site.product(n).title);
      expect(result.page?.kind).toBe("product");
      expect(result.page?.product).toMatchObject({
        title: site.product(n).title,
        price: site.product(n).price,
      });
    }
    expect(crawl.summary.byPath).toEqual({ http: 0, browser: 3 });
    const seen = site.requests.slice(before);
    // HTTP first, then the browser: two requests per page, none for images.
    for (const n of [1, 2, 3]) expect(seen.filter((r) => r.path === `/js/product/${n}`)).toHaveLength(2);
    expect(seen.filter((r) => r.path.startsWith("/img/") || r.path.startsWith("/fonts/"))).toHaveLength(0);
    expect(await ourChromiumProcesses()).toEqual([]);
  });

  it("is measured against a browser that does download the pages' images and fonts", async () => {
    const before = { images: site.requestsTo("/img/").length, fonts: site.requestsTo("/fonts/").length };
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(site.jsProductUrl(4), { waitUntil: "load" });
      await page.waitForSelector("h1");
      await page.waitForLoadState("networkidle");
    } finally {
      await browser.close();
    }
    expect(site.requestsTo("/img/").length - before.images).toBeGreaterThanOrEqual(6);
    expect(site.requestsTo("/fonts/").length - before.fonts).toBeGreaterThanOrEqual(1);
  });

  it("goes straight to the browser with browser: always, and never with browser: never", async () => {
    const before = site.requests.length;
    const always = await collectCrawl({ urls: [site.productUrl(5), site.productUrl(6)], browser: "always" });
    expect(always.results.map((r) => r.page?.fetch?.path)).toEqual(["browser", "browser"]);
    expect(always.results.every((r) => r.ok && r.page.kind === "product")).toBe(true);
    expect(site.requests.slice(before).filter((r) => r.path === "/product/5")).toHaveLength(1);

    const never = await collectCrawl({ urls: [site.jsProductUrl(7)], browser: "never" });
    expect(never.results[0]).toMatchObject({ ok: true, page: { kind: "needs_js", fetch: { path: "http" } } });
    expect(never.summary.byPath).toEqual({ http: 1, browser: 0 });
  });

  it("writes no storage folder and prints nothing to stdout, and closes the browser", async () => {
    const workDir = await mkdtemp(join(tmpdir(), "arqan-crawl-cwd-"));
    const previous = process.cwd();
    const stdout = vi.spyOn(process.stdout, "write");
    try {
      process.chdir(workDir);
      const crawl = await collectCrawl({
        urls: [site.productUrl(8), site.jsProductUrl(8), `${site.url}/gone`],
      });
      expect(crawl.summary).toMatchObject({ ok: 2, failed: 1, byPath: { http: 2, browser: 1 } });
      expect(stdout).not.toHaveBeenCalled();
      expect(await readdir(workDir)).toEqual([]);
    } finally {
      stdout.mockRestore();
      process.chdir(previous);
      await rm(workDir, { recursive: true, force: true });
    }
    expect(await ourChromiumProcesses()).toEqual([]);
  });

  describe("through a proxy", () => {
    let proxy: CountingProxy;
    beforeAll(async () => {
      proxy = await startCountingProxy();
    });
    afterAll(async () => {
      await proxy?.close();
    });

    it("sends the browser's page requests through the configured proxy", async () => {
      const crawl = await collectCrawl({
        urls: [site.jsProductUrl(9)],
        browser: "always",
        proxyUrls: [proxy.url],
      });
      expect(crawl.results[0]).toMatchObject({ ok: true, page: { fetch: { path: "browser" } } });
      expect(crawl.results[0]!.page?.title).toContain(site.product(9).title);
      expect(proxy.forwarded.filter((u) => u.endsWith("/js/product/9"))).toHaveLength(1);
    });
  });
});
