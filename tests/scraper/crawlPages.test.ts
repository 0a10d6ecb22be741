import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CrawlOptionsError, crawlPages } from "../../packages/scraper/src/crawl/crawlPages.ts";
import { type FixtureSite, startFixtureSite } from "../fakes/fixtureSite.ts";
import { collectCrawl } from "./crawlSupport.ts";

/** The HTTP path of the crawl against the local fixture shop: reading, sizes, errors, one result per URL. */
describe("crawlPages over HTTP", () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({ pages: 60, categoryPageSize: 4 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it("fetches server-rendered pages over HTTP with our user agent and says how", async () => {
    const urls = [1, 2, 3, 4, 5, 6].map((n) => site.productUrl(n));
    const crawl = await collectCrawl({ urls, userAgent: "ArqanResearch/1.0 (+https://arqan.kz)" });
    expect(crawl.results).toHaveLength(6);
    for (const url of urls) {
      const result = crawl.resultFor(url);
      expect(result.ok).toBe(true);
      expect(result.page?.fetch).toMatchObject({ path: "http", status: 200 });
      expect(result.page?.fetch?.bytes).toBeGreaterThan(30_000);
      expect(result.page?.fetch?.ms).toBeGreaterThanOrEqual(0);
    }
    expect(crawl.summary).toMatchObject({
      pages: 6,
      ok: 6,
      failed: 0,
      blocked: 0,
      byPath: { http: 6, browser: 0 },
    });
    const seen = site.requests.filter((r) => urls.some((u) => u.endsWith(r.path)));
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((r) => r.userAgent))).toEqual(new Set(["ArqanResearch/1.0 (+https://arqan.kz)"]));
  });

  it("reads the JSON-LD product of each page (readPage's generic reader)", async () => {
    const crawl = await collectCrawl({ urls: [site.productUrl(7), site.productUrl(8)] });
    for (const n of [7, 8]) {
      const result = crawl.resultFor(site.productUrl(n));
      expect(result.page?.kind).toBe("product");
      expect(result.page?.product).toMatchObject({
        title: site.product(n).title,
        price: site.product(n).price,
        currency: "KZT",
      });
    }
  });

  it("defaults to a current desktop Chrome user agent", async () => {
    const before = site.requests.length;
    await collectCrawl({ urls: [site.productUrl(9)], respectRobotsTxt: false });
    const agent = site.requests.slice(before).find((r) => r.path === "/product/9")?.userAgent ?? "";
    expect(agent).toMatch(/Mozilla\/5\.0 .*Chrome\/\d+/);
    expect(agent).not.toContain("Headless");
  });

  it("gives every URL exactly one result and reports bad URLs as invalid_url instead of throwing", async () => {
    const urls = [
      "not a url",
      "ftp://files.kz/price.xml",
      "",
      "/product/1",
      site.productUrl(10),
      site.productUrl(10),
    ];
    const crawl = await collectCrawl({ urls });
    expect(crawl.results).toHaveLength(urls.length);
    for (const bad of ["not a url", "ftp://files.kz/price.xml", "", "/product/1"]) {
      expect(crawl.resultFor(bad)).toMatchObject({
        ok: false,
        error: { code: "invalid_url", retryable: false },
        page: null,
      });
    }
    expect(crawl.results.filter((r) => r.url === site.productUrl(10) && r.ok)).toHaveLength(2);
    expect(crawl.summary).toMatchObject({ pages: 6, ok: 2, failed: 4 });
  });

  it("throws for options no crawl can run with", async () => {
    await expect(crawlPages({ urls: [], maxRetries: -1, onPage: () => {} })).rejects.toBeInstanceOf(
      CrawlOptionsError,
    );
    await expect(crawlPages({ urls: [], proxyUrls: ["socks5://x:1"], onPage: () => {} })).rejects.toThrow(
      /invalid crawl options/,
    );
    await expect(crawlPages({ urls: [], onPage: () => {} })).resolves.toMatchObject({ pages: 0 });
  });

  it("refuses pages over maxPageBytes, by Content-Length and while streaming, without reading them whole", async () => {
    const before = { ...site.streamed };
    const crawl = await collectCrawl({
      urls: [`${site.url}/huge`, `${site.url}/huge-stream`],
      maxPageBytes: 1024 * 1024,
    });
    for (const path of ["/huge", "/huge-stream"]) {
      const result = crawl.resultFor(`${site.url}${path}`);
      expect(result).toMatchObject({ ok: false, error: { code: "too_large", retryable: false } });
      expect(result.ok ? "" : result.error.message).toMatch(/1048576-byte limit/);
    }
    // One try each, and the 10 MiB bodies were cut short.
    expect(site.requestsTo("/huge").length).toBe(2);
    await vi.waitFor(() => expect(site.streamed.aborted - before.aborted).toBe(2));
    expect(site.streamed.completed - before.completed).toBe(0);
    expect(site.streamed.bytesWritten - before.bytesWritten).toBeLessThan(
      2 * 10 * 1024 * 1024 - 4 * 1024 * 1024,
    );
  });

  it("reports 404 and 410 as not_found without retrying", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/gone`, `${site.url}/removed`], maxRetries: 3 });
    expect(crawl.resultFor(`${site.url}/gone`)).toMatchObject({
      ok: false,
      error: { code: "not_found", status: 404, retryable: false },
    });
    expect(crawl.resultFor(`${site.url}/removed`)).toMatchObject({
      ok: false,
      error: { code: "not_found", status: 410 },
    });
    const tries = site.requests.slice(before).filter((r) => r.path === "/gone" || r.path === "/removed");
    expect(tries).toHaveLength(2);
  });

  it("times a slow page out, retries it, then reports timeout", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/slow?ms=3000`], timeoutMs: 400, maxRetries: 1 });
    expect(crawl.results[0]).toMatchObject({
      ok: false,
      error: { code: "timeout", retryable: true, status: null },
    });
    expect(site.requests.slice(before).filter((r) => r.path.startsWith("/slow"))).toHaveLength(2);
  });

  it("records the URL a redirect led to, and reads XML feeds", async () => {
    const crawl = await collectCrawl({ urls: [`${site.url}/redirect`, `${site.url}/feed.xml`] });
    const redirected = crawl.resultFor(`${site.url}/redirect`);
    expect(redirected.ok && redirected.page.url).toBe(site.productUrl(4));
    const feed = crawl.resultFor(`${site.url}/feed.xml`);
    expect(feed.ok).toBe(true);
    expect(feed.page?.fetch?.bytes).toBeGreaterThan(300);
  });

  it("does not download what is not a page (an image) and does not retry it", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/img/p1-1.jpg`], maxRetries: 2 });
    expect(crawl.results[0]).toMatchObject({ ok: false, error: { code: "http_error", retryable: false } });
    expect(crawl.results[0]!.ok ? "" : crawl.results[0]!.error.message).toMatch(/unsupported content type/);
    expect(site.requests.slice(before).filter((r) => r.path.startsWith("/img/"))).toHaveLength(1);
  });

  it("follows a listing's next page up to followPages, each page with its own result", async () => {
    const first = site.categoryUrl(site.categories[1]!);
    const crawl = await collectCrawl({ urls: [first], followPages: 2 });
    expect(crawl.results.map((r) => r.url)).toEqual([
      first,
      site.categoryUrl(site.categories[1]!, 2),
      site.categoryUrl(site.categories[1]!, 3),
    ]);
    expect(crawl.results.every((r) => r.ok && r.page.kind === "listing")).toBe(true);
    expect(crawl.summary.pages).toBe(3);
  });

  it("reports progress until every URL is done", async () => {
    const progress: { done: number; failed: number; total: number; queued: number }[] = [];
    await collectCrawl({
      urls: [site.productUrl(11), site.productUrl(12), `${site.url}/gone`],
      onProgress: (p) => progress.push(p),
    });
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toEqual({ done: 3, failed: 1, total: 3, queued: 0 });
  });

  it("stops the crawl and rethrows when onPage throws", async () => {
    const calls: string[] = [];
    const crawl = crawlPages({
      urls: [1, 2, 3, 4].map((n) => site.productUrl(n)),
      ratePerSecondPerDomain: 2,
      respectRobotsTxt: false,
      onPage: (result) => {
        calls.push(result.url);
        throw new Error("the database is down");
      },
    });
    await expect(crawl).rejects.toThrow("the database is down");
    expect(calls).toHaveLength(1);
  });
});
