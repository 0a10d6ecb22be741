import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { createPageInput } from "../pageInput.ts";
import { readKaspiPage } from "./readKaspiPage.ts";

const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
const realCapture = (name: string) =>
  readFileSync(resolve(repoRoot, "../shared/fixtures/real", name), "utf8");
const ownFixture = (name: string) =>
  readFileSync(resolve(repoRoot, "packages/scraper/fixtures/kaspi", name), "utf8");
const read = (body: string, url: string | null = null) =>
  readKaspiPage(createPageInput({ url, body, contentType: null, status: null, site: "kaspi" }));

describe("readKaspiPage on the real catalog grid JSON (Ноутбуки)", () => {
  const page = read(realCapture("kaspi-category-grid.json"));

  it("is a valid Kaspi listing with the total Kaspi reports", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ site: "kaspi", kind: "listing", total: 1470, pages: 123, page: null });
    expect(page?.source).toBe("kaspi:catalog-grid");
    expect(page?.missing).toEqual([]);
    expect(page?.items).toHaveLength(12);
  });

  it("reads the first card exactly", () => {
    const first = page?.items[0];
    expect(first?.title.startsWith("Apple MacBook Air 13 MGN63")).toBe(true);
    expect(first).toMatchObject({
      id: "100797845",
      price: 528550,
      currency: "KZT",
      rating: 5,
      reviews: 326,
      promoted: false,
      url: "https://kaspi.kz/shop/p/apple-macbook-air-13-mgn63-seryi-100797845/?c=750000000",
    });
  });

  it("reads an integer price, a card without reviews and every price in tenge", () => {
    expect(page?.items[10]?.price).toBe(119395);
    expect(page?.items[7]).toMatchObject({ reviews: 0, rating: 4.5 });
    expect(page?.items.every((item) => Number.isInteger(item.price) && item.currency === "KZT")).toBe(true);
  });

  it("links the next page when the grid's URL is known", () => {
    const withUrl = read(realCapture("kaspi-category-grid.json"), "https://kaspi.kz/shop/c/notebooks/");
    expect(withUrl).toMatchObject({
      page: 1,
      pages: 123,
      next_url: "https://kaspi.kz/shop/c/notebooks/?page=2",
    });
  });
});

describe("readKaspiPage on the real product page with five sellers", () => {
  const page = read(realCapture("kaspi-product-5-sellers.html"));

  it("reads the product from its card, JSON-LD and page", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ site: "kaspi", kind: "product", source: "kaspi:product-page", missing: [] });
    expect(page?.title).toBe("Купить Рашгард черный в Астане – Магазин на Kaspi.kz");
    expect(page?.product).toMatchObject({
      id: "121207970",
      title: "Рашгард черный",
      price: 2810,
      currency: "KZT",
      brand: "Без бренда",
      rating: 4.9,
      reviews: 85,
      url: "https://kaspi.kz/shop/p/rashgard-635798142-chernyi-xl-121207970/",
      availability: "InStock",
    });
  });

  it("reads the five sellers in order with their prices, not the delivery fee or the instalment", () => {
    expect(page?.product?.sellers).toEqual([
      { name: "ShoрKZ", id: "30079314", price: 2810 },
      { name: "Chursina Store", id: "30352626", price: 2810 },
      { name: "TESSO", id: "30321583", price: 2897 },
      { name: "ИП ДАНАБАЙ", id: "30345480", price: 3500 },
      { name: "KazMegaGruop KZ", id: "16432003", price: 4990 },
    ]);
    // The seller's name keeps its Cyrillic "р" as the page writes it.
    expect(page?.product?.sellers[0]?.name.charCodeAt(3)).toBe(0x440);
  });

  it("reads the characteristics and the photos", () => {
    expect(page?.product?.attributes).toMatchObject({
      "Вид спорта": "универсальный",
      Модель: "рашгард",
      Состав: "полиэстер, спандекс",
      "Размер производителя": "XL",
    });
    expect(page?.product?.images).toHaveLength(6);
    expect(page?.product?.images?.[0]).toBe(
      "https://resources.cdn-kaspi.kz/img/m/p/pbd/pb3/4320080.jpg?format=gallery-large",
    );
  });

  it("still reads the price from JSON-LD when the embedded card is gone", () => {
    const body = realCapture("kaspi-product-5-sellers.html").replace(
      "BACKEND.components.item =",
      "BACKEND.x =",
    );
    const withoutCard = read(body);
    expect(withoutCard?.product).toMatchObject({
      id: "121207970",
      title: "Рашгард черный",
      price: 2810,
      brand: "Без бренда",
    });
    expect(withoutCard?.product?.sellers).toHaveLength(5);
  });
});

describe("readKaspiPage on the real merchant price list (cityprices)", () => {
  const page = read(realCapture("kaspi-pricelist-cityprices.xml"));
  const offers = page?.offers ?? [];
  const prices = offers.map((offer) => offer.price ?? Number.NaN);

  it("reads the company and 63 offers with unique SKUs", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({
      site: "kaspi",
      kind: "feed",
      title: "Klukva",
      source: "kaspi:feed",
      missing: [],
    });
    expect(offers).toHaveLength(63);
    expect(new Set(offers.map((offer) => offer.sku)).size).toBe(63);
  });

  it("reads the first offer with its per-city price", () => {
    expect(offers[0]).toEqual({
      sku: "119102364",
      model: "Игрушка 7490466527",
      brand: "Без бренда",
      price: 1371,
      available: true,
      city_prices: { "710000000": 1371 },
    });
  });

  it("has the minimum, maximum and sum of prices the merchant set", () => {
    expect(Math.min(...prices)).toBe(727);
    expect(Math.max(...prices)).toBe(29771);
    expect(prices.reduce((sum, price) => sum + price, 0)).toBe(285489);
    expect(offers.every((offer) => offer.available)).toBe(true);
  });
});

describe("readKaspiPage on a price list in the prefixed namespace form", () => {
  const page = read(ownFixture("kaspi-feed-prefixed.xml"));

  it("reads plain prices, per-city prices (lowest wins) and unavailable offers", () => {
    expect(page).toMatchObject({ kind: "feed", title: "ТОО «Алатау Декор»", total: 3, missing: [] });
    expect(page?.offers).toEqual([
      {
        sku: "AD-00125",
        model: "Штора блэкаут 200x260 серая",
        brand: "Alatau Home",
        price: 12990,
        available: true,
      },
      {
        sku: "AD-00126",
        model: "Карниз потолочный двухрядный 3 м",
        brand: "Без бренда",
        price: 8450,
        available: false,
      },
      {
        sku: "0042",
        model: "Тюль вуаль & органза 300x250",
        brand: "Alatau Home",
        price: 6490,
        available: true,
        city_prices: { "750000000": 6990, "710000000": 6490, "511010000": 7290 },
      },
    ]);
  });
});

describe("readKaspiPage on a search results page", () => {
  const url =
    "https://kaspi.kz/shop/search/?text=%D1%80%D0%B0%D1%88%D0%B3%D0%B0%D1%80%D0%B4&c=710000000&page=2";
  const page = read(ownFixture("kaspi-search-page.html"), url);

  it("reads the grid from the page's script with pagination", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ kind: "listing", total: 47, page: 2, pages: 4, missing: [], url });
    expect(page?.title).toBe("Результаты поиска по запросу «рашгард» – Kaspi Магазин");
    expect(page?.next_url).toBe(url.replace("page=2", "page=3"));
  });

  it("reads every card, whatever form its link and price take", () => {
    expect(page?.items.map((item) => [item.id, item.price, item.rating, item.reviews, item.url])).toEqual([
      [
        "121207970",
        2810,
        4.9,
        85,
        "https://kaspi.kz/shop/p/rashgard-635798142-chernyi-xl-121207970/?c=710000000",
      ],
      ["114562201", 18990, 4.5, 12, "https://kaspi.kz/shop/p/venum-contender-sinii-m-114562201/?c=710000000"],
      ["130077812", 4990, 0, 0, "https://kaspi.kz/shop/p/rashgard-detskii-130077812/?c=710000000"],
      [
        "127700451",
        6450,
        5,
        231,
        "https://kaspi.kz/shop/p/rashgard-zhenskii-kompressionnyi-127700451/?c=710000000",
      ],
    ]);
  });
});

describe("readKaspiPage on a product page fetched without the browser", () => {
  const page = read(
    ownFixture("kaspi-product-http.html"),
    "https://kaspi.kz/shop/p/tjul-vual-300x250-belyi-118204455/",
  );

  it("reads the product and names the sellers table it could not see", () => {
    expect(page?.kind).toBe("product");
    expect(page?.missing).toEqual(["sellers"]);
    expect(page?.product).toEqual({
      id: "118204455",
      title: "Тюль вуаль 300x250 белый",
      price: 6490,
      currency: "KZT",
      brand: "Alatau Home",
      rating: 4.7,
      reviews: 1204,
      sellers: [],
      attributes: { Вид: "тюль", Ширина: "300 см", Материал: "вуаль, полиэстер" },
      description: "Лёгкий тюль из вуали.\nШирина 300 см, высота 250 см.",
      images: ["https://resources.cdn-kaspi.kz/img/m/p/h4a/h11/84500912345118.jpg?format=gallery-large"],
      url: "https://kaspi.kz/shop/p/tjul-vual-300x250-belyi-118204455/",
      sku: "118204455",
      availability: "InStock",
    });
  });
});

describe("readKaspiPage on pages with changed layouts or no Kaspi data", () => {
  it("reports a results page whose grid no longer reads as unread, not as 0 results", () => {
    const page = read(
      "<html><head><title>Ноутбуки</title></head><body><script>BACKEND.components.catalogGrid = loadGrid();</script></body></html>",
      "https://kaspi.kz/shop/c/notebooks/",
    );
    expect(page).toMatchObject({ kind: "listing", total: null, items: [], missing: ["total", "items"] });
  });

  it("names the total when the grid lost it", () => {
    const page = read('{"limit":12,"cards":[{"id":"1","title":"Товар","unitPrice":100}]}');
    expect(page?.total).toBeNull();
    expect(page?.missing).toEqual(["total"]);
    expect(page?.items).toHaveLength(1);
  });

  it("returns null for captchas, empty shells, other JSON and other XML", () => {
    expect(read("<html><head><title>Доступ ограничен</title></head><body>captcha</body></html>")).toBeNull();
    expect(read('<html><body><div id="app"></div><script src="/app.js"></script></body></html>')).toBeNull();
    expect(read('{"status":"error"}')).toBeNull();
    expect(read("{not json")).toBeNull();
    expect(read('<?xml version="1.0"?><urlset><url><loc>https://kaspi.kz/</loc></url></urlset>')).toBeNull();
  });
});
