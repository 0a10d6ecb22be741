import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsedPageSchema, type SiteChoice } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { renderSatuSearchPage } from "../../../../tests/fakes/marketplaces/satuPages.ts";
import {
  renderCaptchaPage,
  renderJsShellProductPage,
  renderNotFoundPage,
  renderShopCategoryPage,
  renderShopProductPage,
} from "../../../../tests/fakes/marketplaces/shopPages.ts";
import { createPageInput } from "./pageInput.ts";
import { readPage } from "./readPage.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const real = (file: string) => readFileSync(resolve(repoRoot, "../shared/fixtures/real", file), "utf8");
const satuFixture = (file: string) =>
  readFileSync(resolve(repoRoot, "packages/scraper/fixtures/satu", file), "utf8");

function read(
  body: string,
  options: { url?: string | null; site?: SiteChoice; status?: number | null } = {},
) {
  const page = readPage(
    createPageInput({
      url: options.url ?? null,
      body,
      contentType: null,
      status: options.status ?? null,
      site: options.site ?? "auto",
    }),
  );
  expect(parsedPageSchema.safeParse(page).success).toBe(true);
  expect(page.fetch).toBeUndefined();
  return page;
}

const kettle = { title: "Электрочайник Tefal KO 1501", price: 18490, sku: "KO1501" };
const related = [
  { title: "Утюг Philips", price: 14990, url: "/p/2" },
  { title: "Фен Rowenta", price: 21990, url: "/p/3" },
  { title: "Тостер Bosch", price: 17990, url: "/p/4" },
];

describe("readPage routes the real captures to their site's reader (needs the OLX and Kaspi readers)", () => {
  it("reads the OLX search page from a file by its olx-init-config", () => {
    const page = read(real("olx-uz-search-ssr.html"));
    expect(page).toMatchObject({ site: "olx", kind: "listing", total: 1000 });
    expect(page.items).toHaveLength(52);
  });

  it("reads the Kaspi product page from a file by its BACKEND data", () => {
    const page = read(real("kaspi-product-5-sellers.html"));
    expect(page).toMatchObject({ site: "kaspi", kind: "product" });
    expect(page.product).toMatchObject({ title: "Рашгард черный", price: 2810 });
  });

  it("reads the Kaspi product page by its URL's host", () => {
    const page = read(real("kaspi-product-5-sellers.html"), {
      url: "https://kaspi.kz/shop/p/rashgard-635798142-chernyi-xl-121207970/",
    });
    expect(page.site).toBe("kaspi");
    expect(page.url).toBe("https://kaspi.kz/shop/p/rashgard-635798142-chernyi-xl-121207970/");
  });

  it("reads a bare Kaspi catalog grid JSON and a Kaspi price-list XML by their shape", () => {
    expect(read(real("kaspi-category-grid.json"))).toMatchObject({
      site: "kaspi",
      kind: "listing",
      total: 1470,
    });
    const feed = read(real("kaspi-pricelist-cityprices.xml"));
    expect(feed).toMatchObject({ site: "kaspi", kind: "feed" });
    expect(feed.offers).toHaveLength(63);
  });

  it("reads an OLX URL whose page lost its state with the generic reader and says what was expected", () => {
    const page = read(renderShopProductPage(kettle), {
      url: "https://www.olx.kz/d/obyavlenie/chaynik-ID1.html",
    });
    expect(page).toMatchObject({ site: "generic", kind: "product", source: "generic:json-ld" });
    expect(page.missing).toEqual(["olx:prerendered-state"]);
  });
});

describe("readPage with the site forced", () => {
  it("reads the Kaspi product page as any shop when told generic", () => {
    const page = read(real("kaspi-product-5-sellers.html"), { site: "generic" });
    expect(page).toMatchObject({ site: "generic", kind: "product", source: "generic:json-ld", missing: [] });
    expect(page.product).toMatchObject({ title: "Рашгард черный", price: 2810, currency: "KZT" });
  });

  it("falls back to the generic reader when the Satu reader finds no Satu markup", () => {
    const page = read(renderShopProductPage(kettle), { site: "satu" });
    expect(page).toMatchObject({ site: "generic", kind: "product", source: "generic:json-ld" });
    expect(page.product).toMatchObject({ title: "Электрочайник Tefal KO 1501", price: 18490 });
    expect(page.missing).toEqual(["satu:page-markup"]);
  });
});

describe("readPage on Satu", () => {
  it("reads a Satu product page by the URL's host", () => {
    const page = read(satuFixture("product.html"), {
      url: "https://satu.kz/p104583921-elektrochajnik-tefal-1501.html",
    });
    expect(page).toMatchObject({ site: "satu", kind: "product", source: "satu:product" });
    expect(page.product).toMatchObject({ price: 18490, seller: "ТОО «ТехноМир Алматы»" });
  });

  it("reads Satu pages from files and from a fake server by their markup", () => {
    expect(read(satuFixture("listing.html"))).toMatchObject({ site: "satu", kind: "listing", total: 1234 });
    const fake = renderSatuSearchPage({
      products: [{ id: 1, title: "Чайник", price: 5000, seller: "ТОО Ромашка" }],
      total: 1,
      page: 1,
      pages: 1,
    });
    const page = read(fake, { url: "http://127.0.0.1:4010/search?search_term=%D1%87" });
    expect(page).toMatchObject({ site: "satu", kind: "listing", total: 1 });
    expect(page.items[0]).toMatchObject({
      title: "Чайник",
      price: 5000,
      url: "http://127.0.0.1:4010/p1-tovar.html",
    });
  });

  it("reads a satu.kz page without Satu markup generically, naming what the Satu reader expected", () => {
    const page = read("<html><head><title>Помощь</title></head><body><h1>Помощь</h1></body></html>", {
      url: "https://satu.kz/info/help",
    });
    expect(page).toMatchObject({ site: "generic", kind: "unknown", source: "generic:none", title: "Помощь" });
    expect(page.missing).toEqual(["satu:page-markup"]);
  });
});

describe("readPage never reports items for a page that is not the one asked for", () => {
  it("reports a captcha at a Kaspi URL as Kaspi blocked", () => {
    const page = read(renderCaptchaPage("cloudflare"), {
      url: "https://kaspi.kz/shop/search/?text=x",
      status: 403,
    });
    expect(page).toEqual({
      site: "kaspi",
      kind: "blocked",
      url: "https://kaspi.kz/shop/search/?text=x",
      title: "Just a moment...",
      total: null,
      items: [],
      product: null,
      offers: [],
      seo: expect.objectContaining({ title: "Just a moment...", robots: "noindex,nofollow" }),
      missing: [],
      source: "classify:cloudflare",
    });
  });

  it("reports a 404 category page with an ItemList as not found, with no items", () => {
    const page = read(renderShopCategoryPage({ title: "Чайники", products: related, total: 3 }), {
      status: 404,
    });
    expect(page).toMatchObject({
      site: "generic",
      kind: "not_found",
      source: "classify:status-404",
      total: null,
      product: null,
    });
    expect(page.items).toEqual([]);
  });

  it("reports a soft 404 with recommended products as not found, with no items", () => {
    const page = read(renderNotFoundPage({ recommended: related }), { status: 200 });
    expect(page).toMatchObject({
      kind: "not_found",
      source: "classify:error-page",
      title: "Страница не найдена — TehnoShop.kz",
    });
    expect(page.items).toEqual([]);
  });

  it("reports a 429 Satu listing as blocked, with no items", () => {
    const fake = renderSatuSearchPage({
      products: [{ id: 1, title: "Чайник", price: 5000, seller: "А" }],
      total: 1,
      page: 1,
      pages: 1,
    });
    const page = read(fake, { url: "https://satu.kz/search?search_term=x", status: 429 });
    expect(page).toMatchObject({
      site: "satu",
      kind: "blocked",
      source: "classify:rate-limited",
      total: null,
    });
    expect(page.items).toEqual([]);
  });

  it("reports the JavaScript shell as needing a browser, not as an empty listing", () => {
    const page = read(renderJsShellProductPage(kettle), { url: "https://shop.example.kz/p/1", status: 200 });
    expect(page).toMatchObject({
      site: "generic",
      kind: "needs_js",
      source: "classify:empty-app-root",
      title: "TehnoShop.kz",
    });
    expect(page.items).toEqual([]);
    expect(page.product).toBeNull();
  });
});

describe("readPage on any shop", () => {
  it("reads a shop's product and category pages", () => {
    expect(read(renderShopProductPage(kettle), { url: "https://shop.example.kz/p/1" })).toMatchObject({
      site: "generic",
      kind: "product",
      product: { title: "Электрочайник Tefal KO 1501", price: 18490, currency: "KZT", sku: "KO1501" },
    });
    const category = read(renderShopCategoryPage({ title: "Чайники", products: related, total: 3 }), {
      url: "https://shop.example.kz/catalog/kettles",
    });
    expect(category).toMatchObject({ site: "generic", kind: "listing", total: 3 });
    expect(category.items.map((item) => item.title)).toEqual(["Утюг Philips", "Фен Rowenta", "Тостер Bosch"]);
  });
});
