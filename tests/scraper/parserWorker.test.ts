import { nicheReportSchema } from "@arqan/shared";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readScraperEnv } from "../../packages/scraper/src/config/readScraperEnv.ts";
import { type ParserWorker, startParserWorker } from "../../packages/scraper/src/tasks/startParserWorker.ts";
import { type FakeHttpServer, startFakeHttpServer } from "../fakes/fakeHttpServer.ts";
import { type FakeMarketplaces, startFakeMarketplaces } from "../fakes/fakeMarketplaces.ts";
import type { KaspiFakeCard } from "../fakes/marketplaces/kaspiPages.ts";
import type { OlxFakeAd } from "../fakes/marketplaces/olxPages.ts";
import type { FakeSatuProduct } from "../fakes/marketplaces/satuPages.ts";
import { renderCaptchaPage, renderShopProductPage } from "../fakes/marketplaces/shopPages.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

// 45 OLX ads over two pages: 30 in tenge (5 000…34 000 ₸ by 1 000), 10 in dollars, 5 "Договорная"; 3 promoted;
// 4 sellers share them (two businesses).
const day = 24 * 3600 * 1000;
const now = Date.now();
const olxAds: OlxFakeAd[] = Array.from({ length: 45 }, (_, i) => ({
  id: String(900_000 + i),
  title: `Кондиционер Midea ${i}`,
  price: i < 40 ? (i < 30 ? 5_000 + i * 1_000 : 150 + i) : null,
  currency: i >= 30 && i < 40 ? "USD" : "KZT",
  negotiable: i >= 40,
  city: "Алматы, Алмалинский район",
  seller: `Продавец ${i % 4}`,
  business: i % 4 < 2,
  promoted: i < 3,
  postedAt: new Date(now - (i % 10) * day).toISOString(),
  views: 100 + i,
}));
const kaspiCards: KaspiFakeCard[] = Array.from({ length: 20 }, (_, i) => ({
  id: String(100_000_000 + i),
  title: `Кондиционер Gree ${i}`,
  price: 150_000 + i * 10_000,
  rating: 4.5,
  reviews: 10 * i,
}));
const satuProducts: FakeSatuProduct[] = Array.from({ length: 6 }, (_, i) => ({
  id: 5_000 + i,
  title: `Кондиционер Almacom ${i}`,
  price: 120_000 + i * 5_000,
  seller: "ТОО Климат",
}));

describe("the parser task worker", () => {
  let db: TestDatabase;
  let workspaceId: string;
  let shop: FakeHttpServer;
  let markets: FakeMarketplaces;
  let worker: ParserWorker;
  const done = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: workspaceId }] = (await db.sql`
      insert into public.workspaces (name, slug) values ('Климат Алматы', 'klimat-almaty') returning id`) as unknown as [
      { id: string },
    ];
    shop = await startFakeHttpServer((request) => {
      const html = (text: string, status = 200) => ({
        status,
        text,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
      if (request.path === "/robots.txt")
        return { status: 200, text: "User-agent: *\nDisallow: /private/\n" };
      const product = /^\/p\/(\d+)$/.exec(request.path);
      if (product) {
        const n = Number(product[1]);
        return html(
          renderShopProductPage({ title: `Сплит-система ${n}`, price: 200_000 + n, sku: `SKU-${n}` }),
        );
      }
      if (request.path === "/captcha") return html(renderCaptchaPage("recaptcha"));
      return html(
        "<html><head><title>Страница не найдена</title></head><body><h1>404</h1></body></html>",
        404,
      );
    });
    markets = await startFakeMarketplaces({
      olx: olxAds,
      olxTotal: 1_234,
      kaspi: kaspiCards,
      satu: satuProducts,
    });
    const env = readScraperEnv({
      ARQAN_OLX_BASE_URL: markets.baseUrls.olx,
      ARQAN_KASPI_BASE_URL: markets.baseUrls.kaspi,
      ARQAN_SATU_BASE_URL: markets.baseUrls.satu,
      ARQAN_SCRAPER_RATE: "0",
      ARQAN_SCRAPER_RETRIES: "1",
    });
    worker = await startParserWorker({
      sql: db.sql,
      env,
      pollMs: 200,
      crawlOverrides: { backoffMs: 20, browser: "never" },
      onTaskDone: (taskId, result) => done.set(taskId, result),
    });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await shop?.close();
    await markets?.close();
    await db?.drop();
  });

  async function createTask(
    kind: "parse" | "niche",
    input: unknown,
    key: string | null = null,
  ): Promise<string> {
    const [row] = await db.sql.begin(async (tx) => {
      await tx`set local role service_role`;
      return tx<{ id: string }[]>`
        select id from public.create_parser_task(${workspaceId}, ${kind}, ${tx.json(JSON.parse(JSON.stringify(input)))}, ${key})`;
    });
    if (!row) throw new Error("no task");
    return row.id;
  }

  async function task(sql: Sql, id: string) {
    const [row] = await sql<
      {
        status: string;
        attempts: number;
        pages_total: number;
        pages_done: number;
        pages_failed: number;
        items_found: number;
        result: unknown;
        error: { code: string } | null;
      }[]
    >`select status, attempts, pages_total, pages_done, pages_failed, items_found, result, error
      from public.parser_tasks where id = ${id}`;
    if (!row) throw new Error(`no task ${id}`);
    return row;
  }

  it("reads a shop's pages into products, stores each page with its kind, and ends partial when some failed", async () => {
    const urls = [1, 2, 3].map((n) => `${shop.url}/p/${n}`).concat(`${shop.url}/captcha`, `${shop.url}/gone`);
    const id = await createTask("parse", { urls, site: "auto", browser: "never" });
    await vi.waitFor(() => expect(done.get(id)).toBeDefined(), { timeout: 30_000, interval: 50 });
    const row = await task(db.sql, id);
    expect(row).toMatchObject({ status: "partial", attempts: 1, pages_total: 5, pages_done: 5 });
    expect(row.pages_failed).toBe(2);
    const pages = await db.sql<{ url: string; kind: string; fetch_path: string | null }[]>`
      select url, kind, fetch_path from public.parsed_sites where task_id = ${id} order by url`;
    expect(pages.map((p) => [p.url.replace(shop.url, ""), p.kind])).toEqual([
      ["/captcha", "blocked"],
      ["/gone", "not_found"],
      ["/p/1", "product"],
      ["/p/2", "product"],
      ["/p/3", "product"],
    ]);
    expect(pages.filter((p) => p.kind === "product").every((p) => p.fetch_path === "http")).toBe(true);
    const products = await db.sql<{ title: string; price_kzt: string; sku: string }[]>`
      select title, price_kzt, sku from public.parsed_products where task_id = ${id} order by title`;
    expect(products.map((p) => [p.title, Number(p.price_kzt), p.sku])).toEqual([
      ["Сплит-система 1", 200_001, "SKU-1"],
      ["Сплит-система 2", 200_002, "SKU-2"],
      ["Сплит-система 3", 200_003, "SKU-3"],
    ]);
  }, 60_000);

  it("creates one task for a repeated idempotency key and runs it once", async () => {
    const input = { urls: [`${shop.url}/p/7`] };
    const first = await createTask("parse", input, "form-submit-1");
    const second = await createTask("parse", input, "form-submit-1");
    expect(second).toBe(first);
    await vi.waitFor(() => expect(done.get(first)).toBeDefined(), { timeout: 30_000, interval: 50 });
    const row = await task(db.sql, first);
    expect(row).toMatchObject({ status: "done", attempts: 1, pages_done: 1, items_found: 1 });
    const [{ count }] = (await db.sql`
      select count(*)::int as count from public.parser_tasks where idempotency_key = 'form-submit-1'`) as unknown as [
      { count: number },
    ];
    expect(count).toBe(1);
  }, 60_000);

  it("does not fetch what robots.txt disallows, and says so on the page row", async () => {
    const id = await createTask("parse", { urls: [`${shop.url}/private/price-list`, `${shop.url}/p/9`] });
    await vi.waitFor(() => expect(done.get(id)).toBeDefined(), { timeout: 30_000, interval: 50 });
    expect((await task(db.sql, id)).status).toBe("partial");
    const [page] = await db.sql<{ kind: string; error: { code: string } | null }[]>`
      select kind, error from public.parsed_sites where task_id = ${id} and url like '%/private/%'`;
    expect(page?.error?.code).toBe("robots_disallowed");
    expect(shop.url).toBeTruthy();
  }, 60_000);

  it("researches a niche on OLX, Kaspi and Satu and stores the report as the niche's market research", async () => {
    const id = await createTask("niche", {
      query: "кондиционер",
      city: "Almaty",
      sites: ["olx", "kaspi", "satu"],
      max_pages: 2,
    });
    await vi.waitFor(() => expect(done.get(id)).toBeDefined(), { timeout: 60_000, interval: 50 });
    const row = await task(db.sql, id);
    expect(row.status).toBe("done");
    const report = nicheReportSchema.parse(row.result);
    // OLX: 2 pages (40 + 5 ads), Kaspi: 2 pages of 12 (of 20 cards), Satu: 1 page of 6.
    const olx = report.supply.sites.find((s) => s.site === "olx");
    const kaspi = report.supply.sites.find((s) => s.site === "kaspi");
    const satu = report.supply.sites.find((s) => s.site === "satu");
    expect(olx).toMatchObject({ read: 45, reported_total: 1_234, blocked: false });
    expect(kaspi).toMatchObject({ read: 20, reported_total: 20 });
    expect(satu).toMatchObject({ read: 6, reported_total: 6 });
    // Tenge prices only: 30 OLX + 20 Kaspi + 6 Satu; dollar and negotiable OLX ads are not prices in tenge.
    expect(report.prices.count).toBe(56);
    expect(report.prices.min).toBe(5_000);
    expect(report.prices.max).toBe(340_000);
    expect(report.score.total).toBeGreaterThanOrEqual(0);
    expect(report.score.total).toBeLessThanOrEqual(100);
    expect(report.warnings.map((w) => w.code)).toContain("mixed_currencies_dropped");
    const research = await db.sql<{ data_type: string; region: string | null; niche: string }[]>`
      select m.data_type, m.region, n.name as niche
      from public.market_research m join public.niches n on n.id = m.niche_id
      where m.workspace_id = ${workspaceId}`;
    expect(research).toEqual([{ data_type: "niche_report", region: "Almaty", niche: "кондиционер, Almaty" }]);
    // The first search is the city's; the fake's "next" link is the country-wide path.
    expect(markets.requests.some((r) => r.path.startsWith("/almaty/q-"))).toBe(true);
    const olxRequests = markets.requests.filter((r) => r.path.includes("/q-"));
    expect(olxRequests.map((r) => r.query.get("page") ?? "1").sort()).toEqual(["1", "2"]);
  }, 90_000);

  it("marks a niche partial when one site answers with a captcha, and the report says which", async () => {
    const blockedMarkets = await startFakeMarketplaces({
      olx: olxAds.slice(0, 10),
      kaspi: kaspiCards,
      satu: [],
      blocked: ["kaspi"],
    });
    const env = readScraperEnv({
      ARQAN_OLX_BASE_URL: blockedMarkets.baseUrls.olx,
      ARQAN_KASPI_BASE_URL: blockedMarkets.baseUrls.kaspi,
      ARQAN_SATU_BASE_URL: blockedMarkets.baseUrls.satu,
      ARQAN_SCRAPER_RATE: "0",
      ARQAN_SCRAPER_RETRIES: "1",
    });
    await worker.stop();
    const results = new Map<string, string>();
    worker = await startParserWorker({
      sql: db.sql,
      env,
      pollMs: 200,
      crawlOverrides: { backoffMs: 20, browser: "never" },
      onTaskDone: (taskId, result) => {
        results.set(taskId, result);
        done.set(taskId, result);
      },
    });
    try {
      const id = await createTask("niche", {
        query: "вентилятор",
        city: null,
        sites: ["olx", "kaspi"],
        max_pages: 1,
      });
      await vi.waitFor(() => expect(results.get(id)).toBeDefined(), { timeout: 60_000, interval: 50 });
      const row = await task(db.sql, id);
      expect(row.status).toBe("partial");
      const report = nicheReportSchema.parse(row.result);
      expect(report.supply.sites.find((s) => s.site === "kaspi")).toMatchObject({ blocked: true, read: 0 });
      expect(report.supply.sites.find((s) => s.site === "olx")).toMatchObject({ blocked: false, read: 10 });
      expect(report.warnings).toContainEqual(
        expect.objectContaining({ code: "site_blocked", site: "kaspi" }),
      );
    } finally {
      await blockedMarkets.close();
    }
  }, 90_000);
});
