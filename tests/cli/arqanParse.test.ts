import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { parsedPageSchema } from "@arqan/shared";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHttpServer, startFakeHttpServer } from "../fakes/fakeHttpServer.ts";
import { renderCaptchaPage, renderShopProductPage } from "../fakes/marketplaces/shopPages.ts";

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, "../../node_modules/.bin/arqan");
const real = (name: string) => resolve(import.meta.dirname, "../../../shared/fixtures/real", name);

/** Runs `arqan` and returns its exit code and output, whatever the code. */
async function arqan(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(bin, args, {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npx arqan parse", () => {
  let shop: FakeHttpServer;
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "arqan-parse-"));
    shop = await startFakeHttpServer((request) => {
      const html = (text: string) => ({
        status: 200,
        text,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
      if (request.path === "/robots.txt") return { status: 200, text: "User-agent: *\nDisallow: /admin/\n" };
      if (request.path === "/p/split") {
        return html(
          renderShopProductPage({
            title: "Сплит-система Haier 12",
            price: 189_990,
            sku: "HSU-12",
            brand: "Haier",
          }),
        );
      }
      if (request.path === "/captcha") return html(renderCaptchaPage("cloudflare"));
      return { status: 404, text: "<html><head><title>Не найдено</title></head><body>404</body></html>" };
    });
  });
  afterAll(async () => {
    await shop?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("reads the real OLX capture: the reported total, 52 cards, 12 promoted, prices in their own currency", async () => {
    const { code, stdout } = await arqan([
      "parse",
      real("olx-uz-search-ssr.html"),
      "--url",
      "https://www.olx.uz/list/q-iphone/",
    ]);
    expect(code).toBe(0);
    const page = parsedPageSchema.parse(JSON.parse(stdout));
    expect(page).toMatchObject({ site: "olx", kind: "listing", total: 1000 });
    expect(page.items).toHaveLength(52);
    expect(page.items.filter((item) => item.promoted)).toHaveLength(12);
    expect(page.items[3]).toMatchObject({
      id: "50881478",
      price: 200_000,
      currency: "UZS",
      negotiable: true,
    });
    expect(page.fetch?.path).toBe("file");
  });

  it("reads the real Kaspi product page's sellers without taking the delivery fee or the instalment for a price", async () => {
    const { code, stdout } = await arqan(["parse", real("kaspi-product-5-sellers.html"), "--site", "kaspi"]);
    expect(code).toBe(0);
    const page = parsedPageSchema.parse(JSON.parse(stdout));
    expect(page.kind).toBe("product");
    expect(page.product?.sellers.map((s) => [s.name, s.id, s.price])).toEqual([
      ["ShoрKZ", "30079314", 2810],
      ["Chursina Store", "30352626", 2810],
      ["TESSO", "30321583", 2897],
      ["ИП ДАНАБАЙ", "30345480", 3500],
      ["KazMegaGruop KZ", "16432003", 4990],
    ]);
  });

  it("fetches a URL over HTTP, reads its JSON-LD and says which path it took", async () => {
    const { code, stdout } = await arqan(["parse", `${shop.url}/p/split`, "--browser", "never"]);
    expect(code).toBe(0);
    const page = parsedPageSchema.parse(JSON.parse(stdout));
    expect(page).toMatchObject({
      kind: "product",
      product: { title: "Сплит-система Haier 12", price: 189_990 },
    });
    expect(page.fetch).toMatchObject({ path: "http", status: 200 });
  });

  it("reports a captcha as blocked, not as an empty page, and exits 1", async () => {
    const { code, stdout, stderr } = await arqan(["parse", `${shop.url}/captcha`, "--browser", "never"], {
      ARQAN_SCRAPER_RETRIES: "0",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("blocked");
    expect(JSON.parse(stdout)).toMatchObject({ kind: "blocked", items: [] });
  });

  it("refuses what robots.txt disallows without fetching it", async () => {
    const { code, stderr } = await arqan(["parse", `${shop.url}/admin/prices`]);
    expect(code).toBe(1);
    expect(stderr).toContain("robots_disallowed");
  });

  it("answers a bad address or an unsupported scheme with usage, exit 2", async () => {
    const notUrl = await arqan(["parse", "olx.kz/list"]);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain("is not a URL");
    const ftp = await arqan(["parse", "ftp://example.kz/price.xml"]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain("only http and https");
    const site = await arqan(["parse", real("kaspi-category-grid.json"), "--site", "amazon"]);
    expect(site.code).toBe(2);
    expect(site.stderr).toContain("--site must be one of");
  });

  it("refuses a file over the page size limit with a message", async () => {
    const { code, stderr } = await arqan(["parse", real("olx-uz-search-ssr.html")], {
      ARQAN_SCRAPER_MAX_PAGE_BYTES: "100000",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("over the 100000-byte page limit");
  });

  it("exports a saved parse result as CSV that Excel opens (BOM) and as XLSX", async () => {
    const parsed = await arqan(["parse", real("kaspi-pricelist-cityprices.xml")]);
    const saved = join(work, "feed.json");
    await writeFile(saved, parsed.stdout);
    const csvFile = join(work, "feed.csv");
    const csv = await arqan(["export", saved, "--format", "csv", "--out", csvFile]);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain("Wrote 63 products");
    const bytes = await readFile(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(64);
    expect(lines[1]).toContain("119102364");

    const xlsxFile = join(work, "feed.xlsx");
    expect((await arqan(["export", saved, "--format", "xlsx", "--out", xlsxFile])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.getWorksheet("Products");
    expect(sheet?.rowCount).toBe(64);
  });

  it("explains an export of something that is neither a file nor a task id", async () => {
    const { code, stderr } = await arqan(["export", "nothing-here", "--format", "csv"]);
    expect(code).toBe(1);
    expect(stderr).toContain("neither a file nor a task id");
    const format = await arqan(["export", "x", "--format", "docx"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of json, csv, xlsx, sql, wxr, jsonld");
  });
});
