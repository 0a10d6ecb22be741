import { mkdir, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { buildNicheReport, type NicheListing, type NicheReport } from "@arqan/shared";
import type { Browser, Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoId } from "../../packages/local/src/seed/seedDemoWorkspace.ts";
import { type FixtureSite, startFixtureSite } from "../fakes/fixtureSite.ts";
import { launchChromium } from "../support/launchChromium.ts";
import { startTestAppStack } from "../support/startTestAppStack.ts";

const skip = process.env.CI !== "true" && process.env.ARQAN_SKIP_SLOW === "1";
const screenshots = resolve(import.meta.dirname, "../../test-results");
const workspace = demoId("workspace:almaty");
/** The name a worker holds a lease under; the stack's own worker never takes a task leased to it. */
const handWorker = "e2e-hand-worker";

/** Listings of a niche with known prices, sellers and dates, as the scraper would read them. */
function listings(prefix: string, count: number, basePrice: number): NicheListing[] {
  return Array.from({ length: count }, (_, n) => ({
    site: n % 3 === 0 ? "kaspi" : "olx",
    id: `${prefix}-${n}`,
    title: `${prefix} объявление ${n}`,
    price_kzt: basePrice + n * 7_500,
    currency: "KZT",
    seller: n % 4 === 0 ? "Климат Сервис" : `Продавец ${n % 13}`,
    seller_type: n % 2 === 0 ? "business" : "private",
    promoted: n % 5 === 0,
    city: "Almaty",
    posted_at: new Date(Date.UTC(2026, 10, 20 - (n % 14))).toISOString(),
    views: 40 + n * 3,
    reviews: n % 3 === 0 ? 10 + n : null,
    rating: null,
  }));
}

function nicheReport(query: string, count: number, basePrice: number): NicheReport {
  return buildNicheReport({
    query,
    city: "Almaty",
    collected_at: "2026-11-21T06:00:00.000Z",
    listings: listings(query, count, basePrice),
    totals: [
      { site: "olx", total: 1_240, pages_read: 2, blocked: false },
      { site: "kaspi", total: 310, pages_read: 1, blocked: false },
    ],
  });
}

/**
 * Market research in a real browser against the whole local stack: a parse task started from the form and read by
 * the stack's worker from a local shop; a task's progress moving live as its worker reports it; the task page with
 * its summary, pages, SEO, products and a CSV export; a niche's report with its price histogram; two niches compared.
 */
describe.skipIf(skip)("market research in a real browser against the running stack", () => {
  let stack: Awaited<ReturnType<typeof startTestAppStack>>;
  let shop: FixtureSite;
  let browser: Browser;
  let sql: postgres.Sql;
  let page: Page;
  let formTaskId = "";
  let handTaskId = "";
  const niches = { ac: "", ceilings: "" };
  let acReport: NicheReport;

  beforeAll(async () => {
    shop = await startFixtureSite({ pages: 12 });
    stack = await startTestAppStack();
    browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
    sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });

    // Two niches with a report each, as a finished niche task stores them.
    acReport = nicheReport("кондиционер", 36, 120_000);
    const ceilingsReport = nicheReport("натяжной потолок", 18, 60_000);
    for (const [key, name, query, report] of [
      ["ac", "E2E Кондиционеры", "кондиционер", acReport],
      ["ceilings", "E2E Потолки", "натяжной потолок", ceilingsReport],
    ] as const) {
      const [niche] = await sql<{ id: string }[]>`
        insert into public.niches (workspace_id, name, query, city, status)
        values (${workspace}, ${name}, ${query}, 'Almaty', 'research') returning id`;
      niches[key] = niche?.id ?? "";
      await sql`insert into public.market_research (workspace_id, niche_id, data_type, region, data, collected_at)
                values (${workspace}, ${niches[key]}, 'niche_report', 'Almaty', ${sql.json(JSON.parse(JSON.stringify(report)))},
                        ${report.collected_at})`;
    }
  }, 180_000);
  afterAll(async () => {
    await sql?.end();
    await browser?.close();
    await stack?.stop();
    await shop?.close();
  });

  it("refuses addresses that are not URLs, then queues one parse task however often it is sent", async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ru-RU" });
    await page.goto(stack.dashboardUrl);
    await page.getByTestId("signin-email").fill(stack.login?.email ?? "");
    await page.getByTestId("signin-password").fill(stack.login?.password ?? "");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("nav-research").click();
    await page.getByTestId("research-page").waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("#/research");

    await page.getByTestId("parse-urls").fill(`${shop.productUrl(1)}\nshop.kz/product/2`);
    await page.getByTestId("parse-submit").click();
    expect(await page.getByTestId("parse-problems").textContent()).toContain("shop.kz/product/2");

    await page
      .getByTestId("parse-urls")
      .fill(`${shop.productUrl(1)}\n${shop.productUrl(2)}\n${shop.productUrl(3)}`);
    await page.getByTestId("parse-submit").dblclick();
    const created = page.getByTestId("parse-created");
    await created.waitFor({ timeout: 10_000 });
    formTaskId = (await created.getAttribute("data-task-id")) ?? "";
    const tasks = await sql<{ id: string; status: string }[]>`
      select id, status from public.parser_tasks
      where workspace_id = ${workspace} and kind = 'parse' and input -> 'urls' ->> 0 = ${shop.productUrl(1)}`;
    expect(tasks.map((task) => task.id)).toEqual([formTaskId]);
    const row = page.locator(`[data-testid="task-row"][data-task-id="${formTaskId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain("127.0.0.1");
  }, 90_000);

  it("moves a task's progress bar live as its worker reports, without a reload", async () => {
    await page
      .getByTestId("live-indicator")
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 10_000 });
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    // A task held by a worker of this test (the lease keeps the stack's worker off it), created as the RPC creates it.
    const input = {
      urls: [shop.categoryUrl("tv"), shop.productUrl(5)],
      site: "auto",
      browser: "auto",
      follow_pages: 0,
    };
    const [task] = await sql<{ id: string }[]>`
      insert into public.parser_tasks (workspace_id, kind, input, status, attempts, locked_by, locked_until, started_at)
      values (${workspace}, 'parse', ${sql.json(input)}, 'running', 1, ${handWorker}, now() + interval '1 hour', now())
      returning id`;
    handTaskId = task?.id ?? "";
    const row = page.locator(`[data-testid="task-row"][data-task-id="${handTaskId}"]`);
    await row.waitFor({ timeout: 10_000 });

    const progress = row.getByTestId("task-progress");
    const report = (done: number, items: number, note: string) =>
      sql`select private.report_parser_progress(${handTaskId}, ${handWorker}, 4, ${done}, 0, ${items}, ${note})`;
    await report(1, 24, "127.0.0.1: категория tv, страница 1");
    await expect.poll(() => progress.getAttribute("data-done"), { timeout: 10_000 }).toBe("1");
    expect(await progress.getAttribute("data-total")).toBe("4");
    expect(await progress.getAttribute("data-percent")).toBe("25");
    expect(await progress.textContent()).toContain("1 из 4 стр.");
    expect(await progress.textContent()).toContain("24 товара");
    expect(await row.getByTestId("task-progress-note").textContent()).toContain("категория tv");

    await report(3, 57, "127.0.0.1: товар 5");
    await expect.poll(() => progress.getAttribute("data-percent"), { timeout: 10_000 }).toBe("75");
    expect(await row.getByTestId("task-status").getAttribute("data-status")).toBe("running");
    expect(await row.getByTestId("task-cancel").isVisible()).toBe(true);
    expect(navigations).toEqual([]);
    await page.screenshot({ path: resolve(screenshots, "e2e-research-home.png"), fullPage: true });
  }, 60_000);

  it("shows what the task read: summary, pages with their SEO, products in tenge, and a CSV export", async () => {
    // The worker of this test stores two pages, as the stack's worker does, and ends the task partial.
    const listingPage = {
      site: "generic",
      kind: "listing",
      url: shop.categoryUrl("tv"),
      title: "tv — страница 1 | ТехноМаркет",
      total: 2,
      items: [
        {
          id: "e2e-1",
          title: "Телевизор Samsung 55 QLED (e2e)",
          price: 189_990,
          currency: "KZT",
          negotiable: false,
          city: "Алматы",
          seller: null,
          promoted: true,
          url: shop.productUrl(6),
        },
        {
          id: "e2e-2",
          title: "Телевизор LG OLED C4 (e2e)",
          price: 1_250,
          currency: "USD",
          negotiable: null,
          city: "Алматы",
          seller: null,
          promoted: false,
          url: shop.productUrl(7),
        },
      ],
      product: null,
      offers: [],
      seo: {
        title: "tv — страница 1 | ТехноМаркет",
        description: "Телевизоры с доставкой по Казахстану",
        canonical: shop.categoryUrl("tv"),
        h1: "tv: 2 товаров",
        headings: [
          { level: 1, text: "tv: 2 товаров" },
          { level: 2, text: "С этим товаром покупают" },
        ],
        hreflang: [{ lang: "kk", href: `${shop.url}/kz/category/tv` }],
        robots: "index, follow",
      },
      missing: ["seller"],
      source: "generic:json-ld",
      fetch: { path: "browser", status: 200, ms: 850, bytes: 48_000 },
    };
    const productPage = {
      site: "generic",
      kind: "product",
      url: shop.productUrl(5),
      title: shop.product(5).title,
      total: null,
      items: [],
      product: {
        id: shop.product(5).sku,
        title: shop.product(5).title,
        price: shop.product(5).price,
        currency: "KZT",
        brand: shop.product(5).brand,
        rating: 4.5,
        reviews: 65,
        sellers: [],
        attributes: { "Характеристика 1": "Значение 18" },
        description: "Оригинальная продукция с официальной гарантией производителя",
        images: [`${shop.url}${shop.product(5).images[0]}`],
        url: shop.productUrl(5),
      },
      offers: [],
      seo: {
        title: `${shop.product(5).title} — купить в Алматы | ТехноМаркет`,
        description: null,
        canonical: shop.productUrl(5),
        h1: shop.product(5).title,
        headings: [{ level: 1, text: shop.product(5).title }],
        hreflang: [],
        robots: null,
      },
      missing: [],
      source: "generic:json-ld",
      fetch: { path: "http", status: 200, ms: 120, bytes: 52_000 },
    };
    for (const parsed of [listingPage, productPage]) {
      await sql`select private.record_parsed_page(${handTaskId}, ${handWorker}, ${sql.json(parsed)})`;
    }
    await sql`select private.report_parser_progress(${handTaskId}, ${handWorker}, 4, 2, 2, 3, null)`;
    await sql`select private.complete_parser_task(${handTaskId}, ${handWorker}, 'partial', ${sql.json({ pages: 4 })}, null)`;

    const row = page.locator(`[data-testid="task-row"][data-task-id="${handTaskId}"]`);
    await expect
      .poll(() => row.getByTestId("task-status").getAttribute("data-status"), { timeout: 10_000 })
      .toBe("partial");
    await row.locator(".cell-task-input a").click();
    const taskPage = page.getByTestId("task-page");
    await taskPage.waitFor({ timeout: 10_000 });
    expect(page.url()).toContain(`#/research/tasks/${handTaskId}`);
    expect(await taskPage.getAttribute("data-status")).toBe("partial");
    expect(await page.getByTestId("task-attempts").textContent()).toBe("1 из 5");

    // The summary says what needed a browser and which fields the layout no longer had.
    await page.getByTestId("task-summary").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("summary-outcome").textContent()).toContain("частично");
    expect(await page.getByTestId("summary-browser").textContent()).toMatch(/1 страницы понадобился браузер/);
    const missing = page.locator('[data-testid="summary-missing"] li[data-field="seller"]');
    expect(await missing.getAttribute("data-pages")).toBe("1");
    expect(await page.getByTestId("summary-missing").textContent()).toContain(
      "Вёрстка сайта могла измениться",
    );

    // The pages, each with its SEO a click away.
    const pages = page.getByTestId("page-row");
    expect(await pages.count()).toBe(2);
    const listingRow = page.locator('[data-testid="page-row"][data-kind="listing"]');
    expect(await listingRow.getAttribute("data-path")).toBe("browser");
    expect(await listingRow.getByTestId("page-missing").textContent()).toBe("seller");
    await listingRow.getByTestId("page-seo-toggle").click();
    const seo = page.getByTestId("seo-details");
    expect(await seo.getByTestId("seo-title").textContent()).toBe("tv — страница 1 | ТехноМаркет");
    expect(await seo.textContent()).toContain("С этим товаром покупают");
    expect(await seo.textContent()).toContain(`${shop.url}/kz/category/tv`);

    // The products: tenge as whole tenge, dollars with their code.
    const products = page.getByTestId("product-row");
    await expect.poll(() => products.count(), { timeout: 10_000 }).toBe(3);
    const tv = page.locator('[data-testid="product-row"][data-external-id="e2e-1"]');
    expect((await tv.getByTestId("product-price").textContent())?.replace(/\s/g, " ")).toContain("189 990 ₸");
    expect(await tv.textContent()).toContain("ТОП");
    const oled = page.locator('[data-testid="product-row"][data-external-id="e2e-2"]');
    expect((await oled.getByTestId("product-price").textContent())?.replace(/\s/g, " ")).toContain(
      "1 250 USD",
    );
    await page.screenshot({ path: resolve(screenshots, "e2e-research-task.png"), fullPage: true });

    // The CSV export is built in the browser: Excel's BOM first, then every product.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^arqan-[0-9a-f]{8}-\d{8}\.csv$/);
    const bytes = await readFile((await download.path()) ?? "");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("Телевизор Samsung 55 QLED (e2e)");
    expect(text).toContain(shop.product(5).title);
  }, 60_000);

  it("lets the stack's worker read the shop's pages of the task started from the form", async () => {
    await page.goto(`${stack.dashboardUrl}/#/research/tasks/${formTaskId}`);
    const taskPage = page.getByTestId("task-page");
    await taskPage.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => taskPage.getAttribute("data-status"), { timeout: 120_000, interval: 500 })
      .toMatch(/^(done|partial)$/);
    await expect
      .poll(() => page.getByTestId("product-row").count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("task-products").textContent()).toContain(shop.product(2).title);
    expect(await page.getByTestId("page-row").count()).toBe(3);
    expect(shop.requestsTo("/product/1").length).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(screenshots, "e2e-research-worker.png"), fullPage: true });
  }, 150_000);

  it("shows a niche's report: the score, the price histogram bar by bar, sellers and the cost of a lead", async () => {
    await page.goto(`${stack.dashboardUrl}/#/research/niches/${niches.ac}`);
    await page.getByTestId("niche-page").waitFor({ timeout: 15_000 });
    await page.getByTestId("niche-report").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("niche-name").textContent()).toBe("E2E Кондиционеры");
    expect(await page.getByTestId("niche-score-total").textContent()).toBe(String(acReport.score.total));
    expect(await page.getByTestId("niche-component").count()).toBe(acReport.score.components.length);

    const bins = acReport.prices.histogram.bins;
    expect(bins.length).toBeGreaterThan(1);
    const histogram = page.getByTestId("niche-price-histogram").getByTestId("histogram");
    expect(await histogram.getAttribute("role")).toBe("img");
    const bars = histogram.getByTestId("histogram-bar");
    expect(await bars.count()).toBe(bins.length);
    expect(
      await bars.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-count")))),
    ).toEqual(bins.map((bin) => bin.count));
    expect(await histogram.locator("rect title").first().textContent()).toContain("₸");

    const sellerBars = page.getByTestId("niche-seller-chart").getByTestId("bar-row");
    expect(await sellerBars.first().textContent()).toContain("Климат Сервис");
    expect(await page.locator('[data-testid="niche-seller-chart"] [data-key="others"]').count()).toBe(1);
    const assumptions = page.getByTestId("niche-assumptions");
    expect(await assumptions.locator("li").count()).toBe(acReport.cost_per_lead.assumptions.length);
    expect(await assumptions.textContent()).toContain("Продвижение объявления на OLX стоит");
    await page.screenshot({ path: resolve(screenshots, "e2e-research-niche.png"), fullPage: true });
  }, 60_000);

  it("compares two niches picked on the research page, marking the better value of each row", async () => {
    await page
      .getByRole("link", { name: /Все исследования/ })
      .first()
      .click();
    await page.getByTestId("research-page").waitFor({ timeout: 10_000 });
    for (const id of [niches.ac, niches.ceilings]) {
      await page
        .locator(`[data-testid="niche-row"][data-niche-id="${id}"] [data-testid="niche-compare"]`)
        .check();
    }
    await page.getByTestId("niche-compare-open").click();
    const table = page.getByTestId("compare-table");
    await table.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`ids=${niches.ac},${niches.ceilings}`);
    expect(await page.getByTestId("compare-niche").allTextContents()).toEqual([
      expect.stringContaining("E2E Кондиционеры"),
      expect.stringContaining("E2E Потолки"),
    ]);
    // The dearer niche has the higher median ticket: its cell is the best of the row.
    const median = page.locator('[data-testid="compare-row"][data-key="price_median"] td');
    expect(await median.evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-best")))).toEqual([
      "true",
      "false",
    ]);
    expect(await page.getByTestId("compare-score-chart").getByTestId("bar-row").count()).toBe(2);
    expect(await page.getByTestId("compare-median-chart").getByTestId("bar-row").count()).toBe(2);
    await page.screenshot({ path: resolve(screenshots, "e2e-research-compare.png"), fullPage: true });
  }, 60_000);
});
