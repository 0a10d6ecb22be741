import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "../fakes/fixtureSite.ts";
import { type CountingProxy, collectCrawl, gaps, startCountingProxy } from "./crawlSupport.ts";

/**
 * How the crawl treats a site: its pace per domain, robots.txt, retries with backoff when pushed back,
 * Retry-After, proxies, cancellation. Timing is read from the fixture's own request log.
 */
describe("crawlPages politeness", () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({ pages: 60, rateLimitedTimes: 1, retryAfterSeconds: 1, unstableTimes: 2 });
  });
  afterAll(async () => {
    await site?.close();
  });

  const pageRequestTimes = (paths: string[]) =>
    site.requests.filter((r) => paths.includes(r.path)).map((r) => r.at);

  it("keeps to the per-domain rate: 5 pages at 2 per second are spread over 2 seconds", async () => {
    const urls = [21, 22, 23, 24, 25].map((n) => site.productUrl(n));
    const crawl = await collectCrawl({ urls, ratePerSecondPerDomain: 2, concurrency: { http: 5 } });
    expect(crawl.summary.ok).toBe(5);
    const times = pageRequestTimes(urls.map((u) => new URL(u).pathname));
    expect(times).toHaveLength(5);
    // Our starts are 500 ms apart (2 s in all); arrival times at the shop carry some transport jitter (a first
    // connection, a busy event loop), hence the margin. Unpaced, the 5 requests arrive within a few ms.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1750);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(300);
  });

  it("takes a domain's own rate from domainRates over the default", async () => {
    const urls = [26, 27, 28, 29, 30].map((n) => site.productUrl(n));
    await collectCrawl({ urls, ratePerSecondPerDomain: null, domainRates: { "127.0.0.1": 4 } });
    const times = pageRequestTimes(urls.map((u) => new URL(u).pathname));
    // 4 intervals of 250 ms, less transport jitter.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(800);
  });

  it("honours robots.txt, read once per site, and can be told not to", async () => {
    const before = site.requests.length;
    const urls = [`${site.url}/private/orders`, `${site.url}/private/profile`, site.productUrl(39)];
    const crawl = await collectCrawl({ urls });
    expect(crawl.resultFor(urls[0]!)).toMatchObject({
      ok: false,
      error: { code: "robots_disallowed", retryable: false },
    });
    expect(crawl.resultFor(urls[1]!)).toMatchObject({ ok: false, error: { code: "robots_disallowed" } });
    expect(crawl.resultFor(urls[2]!).ok).toBe(true);
    const seen = site.requests.slice(before).map((r) => r.path);
    expect(seen.filter((p) => p === "/robots.txt")).toHaveLength(1);
    expect(seen.some((p) => p.startsWith("/private/"))).toBe(false);

    const ignoring = await collectCrawl({ urls: [urls[0]!], respectRobotsTxt: false });
    expect(ignoring.results[0]!.ok).toBe(true);
    expect(site.requests.at(-1)?.path).toBe("/private/orders");
  });

  it("retries a 403 with growing waits, then reports it blocked", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/blocked`], maxRetries: 2, backoffMs: 150 });
    expect(crawl.results[0]).toMatchObject({
      ok: false,
      error: { code: "blocked", status: 403, retryable: true },
    });
    expect(crawl.summary).toMatchObject({ failed: 1, blocked: 1 });
    const times = site.requests
      .slice(before)
      .filter((r) => r.path === "/blocked")
      .map((r) => r.at);
    expect(times).toHaveLength(3);
    const [first, second] = gaps(times);
    expect(first).toBeGreaterThanOrEqual(120);
    expect(second).toBeGreaterThanOrEqual(250);
  });

  it("treats a captcha page served with 200 as blocked (readPage's classification)", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/captcha`], maxRetries: 1 });
    expect(crawl.results[0]).toMatchObject({ ok: false, error: { code: "blocked", status: 200 } });
    expect(crawl.results[0]!.page?.kind).toBe("blocked");
    expect(site.requests.slice(before).filter((r) => r.path === "/captcha")).toHaveLength(2);
  });

  it("waits what Retry-After asks after a 429, then gets the page", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({ urls: [`${site.url}/rate-limited?key=polite`], backoffMs: 10 });
    expect(crawl.results[0]!.ok).toBe(true);
    const times = site.requests
      .slice(before)
      .filter((r) => r.path === "/rate-limited?key=polite")
      .map((r) => r.at);
    expect(times).toHaveLength(2);
    expect(gaps(times)[0]).toBeGreaterThanOrEqual(900);
  });

  it("retries server errors until the page comes", async () => {
    const crawl = await collectCrawl({ urls: [`${site.url}/unstable?key=polite`], maxRetries: 3 });
    expect(crawl.results[0]!.ok).toBe(true);
    expect(site.requestsTo("/unstable?key=polite")).toHaveLength(3);
  });

  describe("proxies", () => {
    let proxies: CountingProxy[];
    beforeAll(async () => {
      proxies = await Promise.all([startCountingProxy(), startCountingProxy(), startCountingProxy()]);
    });
    afterAll(async () => {
      await Promise.all(proxies.map((p) => p.close()));
    });

    it("rotates requests over the proxies, robots.txt included", async () => {
      const [a, b] = proxies;
      const urls = [31, 32, 33, 34, 35, 36].map((n) => site.productUrl(n));
      const crawl = await collectCrawl({ urls, proxyUrls: [a!.url, b!.url], concurrency: { http: 2 } });
      expect(crawl.summary.ok).toBe(6);
      const pages = (p: CountingProxy) => p.forwarded.filter((u) => u.includes("/product/"));
      expect(pages(a!).length + pages(b!).length).toBe(6);
      expect(Math.abs(pages(a!).length - pages(b!).length)).toBeLessThanOrEqual(1);
      expect([...a!.forwarded, ...b!.forwarded].filter((u) => u.endsWith("/robots.txt"))).toHaveLength(1);
    });

    it("sends a domain with its own proxies through those only", async () => {
      const [a, , c] = proxies;
      const before = { a: a!.forwarded.length, c: c!.forwarded.length };
      const urls = [37, 38].map((n) => site.productUrl(n));
      const crawl = await collectCrawl({
        urls,
        proxyUrls: [a!.url],
        domainProxyUrls: { "127.0.0.1": [c!.url] },
      });
      expect(crawl.summary.ok).toBe(2);
      expect(a!.forwarded.length).toBe(before.a);
      expect(c!.forwarded.slice(before.c).filter((u) => u.includes("/product/"))).toHaveLength(2);
    });
  });

  it("stops when the signal aborts: pending pages come back cancelled, nothing new is fetched", async () => {
    const before = site.requests.length;
    const urls = Array.from({ length: 8 }, (_, i) => `${site.url}/slow?ms=3000&key=${i}`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const crawl = await collectCrawl({
      urls,
      signal: controller.signal,
      concurrency: { http: 2 },
      respectRobotsTxt: false,
    });
    expect(performance.now() - started).toBeLessThan(2500);
    expect(crawl.results).toHaveLength(8);
    for (const result of crawl.results) {
      expect(result).toMatchObject({ ok: false, error: { code: "cancelled", retryable: true }, page: null });
    }
    expect(site.requests.slice(before).filter((r) => r.path.startsWith("/slow")).length).toBeLessThanOrEqual(
      2,
    );
  });

  it("fetches nothing when the signal is already aborted", async () => {
    const before = site.requests.length;
    const crawl = await collectCrawl({
      urls: [site.productUrl(40), site.productUrl(41)],
      signal: AbortSignal.abort(),
    });
    expect(crawl.results.map((r) => !r.ok && r.error.code)).toEqual(["cancelled", "cancelled"]);
    expect(site.requests.length).toBe(before);
  });
});
