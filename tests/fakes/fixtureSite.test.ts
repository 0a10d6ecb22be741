import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "./fixtureSite.ts";

/** The fixture shop answers like the real shops it stands for; the crawl tests lean on these facts. */
describe("fixture shop", () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({ pages: 60, rateLimitedTimes: 2, categoryPageSize: 4 });
  });
  afterAll(async () => {
    await site?.close();
  });

  const get = async (path: string, userAgent = "FixtureTest/1.0") => {
    const response = await fetch(`${site.url}${path}`, {
      headers: { "user-agent": userAgent },
      redirect: "manual",
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it("serves product pages of a real shop's size with the product in JSON-LD", async () => {
    const sizes: number[] = [];
    for (const n of [1, 17, 39, 60]) {
      const page = await get(`/product/${n}`);
      expect(page.status).toBe(200);
      sizes.push(Buffer.byteLength(page.text));
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)?.[1];
      const product = JSON.parse(ld ?? "null");
      expect(product).toMatchObject({
        "@type": "Product",
        name: site.product(n).title,
        offers: { price: String(site.product(n).price), priceCurrency: "KZT" },
      });
      expect(page.text).toContain(`<img src="${site.product(n).images[0]}"`);
    }
    expect(Math.min(...sizes)).toBeGreaterThan(30_000);
    expect(Math.max(...sizes)).toBeLessThan(80_000);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeGreaterThan(20_000);
  });

  it("serves JavaScript shells whose HTML does not carry the product", async () => {
    const page = await get("/js/product/7");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.text).not.toContain(site.product(7).title);
    expect(page.text).not.toContain('application/ld+json">');
    expect(Buffer.byteLength(page.text)).toBeGreaterThan(25_000);
  });

  it("paginates categories with rel=next links to the product pages", async () => {
    const first = await get(`/category/${site.categories[0]}`);
    expect(first.text).toMatch(/<link rel="next" href="[^"]+\?page=2">/);
    expect(first.text).toMatch(/href="\/product\/\d+"/);
    const pages = [...first.text.matchAll(/<a href="\/category\/\w+\?page=(\d+)">/g)].map((m) =>
      Number(m[1]),
    );
    const last = await get(`/category/${site.categories[0]}?page=${Math.max(...pages)}`);
    expect(last.text).not.toContain('rel="next"');
  });

  it("answers like a site defending itself: robots.txt, captcha, 403, 429 with Retry-After, 404, 410", async () => {
    expect((await get("/robots.txt")).text).toContain("Disallow: /private/");
    const captcha = await get("/captcha");
    expect(captcha.status).toBe(200);
    expect(captcha.text).toContain("g-recaptcha");
    expect((await get("/blocked")).status).toBe(403);
    const limited = [
      await get("/rate-limited?key=a"),
      await get("/rate-limited?key=a"),
      await get("/rate-limited?key=a"),
    ];
    expect(limited.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    expect((await get("/rate-limited?key=b")).status).toBe(429);
    expect((await get("/gone")).status).toBe(404);
    expect((await get("/removed")).status).toBe(410);
    expect((await get("/redirect")).status).toBe(301);
  });

  it("declares the huge page's length on /huge and streams /huge-stream without one", async () => {
    const declared = await fetch(`${site.url}/huge`);
    expect(declared.headers.get("content-length")).toBe(String(10 * 1024 * 1024));
    await declared.body?.cancel();
    const streamed = await fetch(`${site.url}/huge-stream`);
    expect(streamed.headers.get("content-length")).toBeNull();
    await streamed.body?.cancel();
  });

  it("records each request with its user agent and time, images included", async () => {
    const before = site.requests.length;
    await get("/img/p1-1.jpg", "Shopper/2.0");
    const seen = site.requests.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "GET", path: "/img/p1-1.jpg", userAgent: "Shopper/2.0" });
    expect(Math.abs(seen[0]!.at - Date.now())).toBeLessThan(5_000);
    expect(site.requestsTo("/img/").length).toBeGreaterThanOrEqual(1);
  });
});
