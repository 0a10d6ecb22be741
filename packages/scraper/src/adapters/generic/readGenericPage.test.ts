import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { createPageInput } from "../pageInput.ts";
import { readGenericPage } from "./readGenericPage.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");
const ownFixture = (name: string) =>
  readFileSync(resolve(repoRoot, "packages/scraper/fixtures/generic", name), "utf8");
const pageUrl = "https://shop.example.kz/catalog/item-1";

function read(html: string, url: string | null = pageUrl) {
  const page = readGenericPage(
    createPageInput({ url, body: html, contentType: "text/html", status: 200, site: "generic" }),
  );
  expect(parsedPageSchema.safeParse(page).success).toBe(true);
  return page;
}

function withJsonLd(...blocks: string[]): string {
  const scripts = blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join("\n");
  return `<!DOCTYPE html><html><head><title>Магазин</title>${scripts}</head><body><h1>Заголовок</h1></body></html>`;
}

describe("readGenericPage on the real Kaspi product page", () => {
  const html = readFileSync(
    resolve(repoRoot, "../shared/fixtures/real/kaspi-product-5-sellers.html"),
    "utf8",
  );

  it("reads the JSON-LD Product: the Offer's string price, not the AggregateOffer's null lowPrice", () => {
    const page = read(html, null);
    expect(page.site).toBe("generic");
    expect(page.kind).toBe("product");
    expect(page.source).toBe("generic:json-ld");
    expect(page.title).toBe("Купить Рашгард черный в Астане – Магазин на Kaspi.kz");
    expect(page.product).toMatchObject({
      id: "121207970",
      title: "Рашгард черный",
      price: 2810,
      currency: "KZT",
      brand: "Без бренда",
      sku: "121207970",
      availability: "InStock",
      description: null,
      images: ["https://resources.cdn-kaspi.kz/img/m/p/pbd/pb3/4320080.jpg?format=gallery-large"],
    });
    expect(page.items).toEqual([]);
    expect(page.missing).toEqual([]);
  });

  it("keeps the page's SEO data", () => {
    const page = read(html, null);
    expect(page.seo.h1).toBe("Рашгард черный");
    expect(page.seo.canonical).toBe("https://kaspi.kz/shop/p/rashgard-635798142-chernyi-xl-121207970/");
  });
});

describe("readGenericPage on a shop's product page with hand-written and HTML-escaped JSON-LD", () => {
  const page = read(ownFixture("shop-product.html"), "https://kofemarket.kz/product/delonghi-ecam-22-110-b");

  it("reads the escaped Product block past the broken Organization block", () => {
    expect(page).toMatchObject({ kind: "product", source: "generic:json-ld", missing: [], items: [] });
    expect(page.product).toMatchObject({
      id: "ECAM22110B",
      title: "Кофемашина De'Longhi Magnifica S ECAM 22.110.B",
      price: 219990,
      currency: "KZT",
      brand: "De'Longhi",
      rating: 4.7,
      reviews: 38,
      availability: "InStock",
      seller: "KofeMarket Астана",
      url: "https://kofemarket.kz/product/delonghi-ecam-22-110-b",
      images: ["https://kofemarket.kz/upload/iblock/3f2/ecam22110b.jpg"],
    });
  });

  it("lists the AggregateOffer's nested offers as sellers", () => {
    expect(page.product?.sellers).toEqual([
      { name: "KofeMarket Астана", id: null, price: 219990 },
      { name: "KofeMarket Алматы", id: null, price: 234500 },
    ]);
  });
});

describe("readGenericPage on a shop's category page without structured data", () => {
  const page = read(ownFixture("shop-category.html"), "https://kofemarket.kz/catalog/kofemashiny/");

  it("reads the cards, their current prices and the stated count", () => {
    expect(page).toMatchObject({
      kind: "listing",
      source: "generic:heuristics",
      total: 64,
      next_url: "https://kofemarket.kz/catalog/kofemashiny/?PAGEN_1=2",
      missing: [],
    });
    expect(page.items.map((item) => [item.id, item.title, item.price, item.currency, item.url])).toEqual([
      [
        "4411",
        "Кофемашина De'Longhi Magnifica S ECAM 22.110.B",
        219990,
        "KZT",
        "https://kofemarket.kz/product/delonghi-ecam-22-110-b",
      ],
      ["4412", "Кофемашина Philips EP1220", 189990, "KZT", "https://kofemarket.kz/product/philips-ep1220"],
      [
        "4413",
        "Капсульная кофемашина Nespresso Essenza Mini",
        49990,
        "KZT",
        "https://kofemarket.kz/product/nespresso-essenza",
      ],
      ["4414", "Кофемашина Jura E8", null, null, "https://kofemarket.kz/product/jura-e8"],
    ]);
  });
});

describe("readGenericPage with JSON-LD", () => {
  it("finds a Product inside @graph among a WebSite and a BreadcrumbList", () => {
    const page = read(
      withJsonLd(`{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Shop"},
        {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Главная","item":"https://shop.example.kz/"}]},
        {"@type":"Product","name":"Фен Dyson","offers":{"@type":"Offer","price":249990,"priceCurrency":"KZT"}}
      ]}`),
    );
    expect(page.kind).toBe("product");
    expect(page.product).toMatchObject({ title: "Фен Dyson", price: 249990, currency: "KZT" });
  });

  it("accepts @type as a list and a schema.org URL", () => {
    const page = read(
      withJsonLd(
        '{"@type":["https://schema.org/Product","Car"],"name":"Lada Vesta","offers":{"price":"7 200 000","priceCurrency":"KZT"}}',
      ),
    );
    expect(page.product).toMatchObject({ title: "Lada Vesta", price: 7200000, currency: "KZT" });
  });

  it("reads an AggregateOffer's lowPrice written as a localized string", () => {
    const page = read(
      withJsonLd(
        '{"@type":"Product","name":"Рашгард","offers":{"@type":"AggregateOffer","lowPrice":"2 810,00","highPrice":"4 990,00","offerCount":5,"priceCurrency":"KZT"}}',
      ),
    );
    expect(page.product).toMatchObject({ price: 2810, currency: "KZT" });
    expect(page.missing).toEqual([]);
  });

  it("turns a list of Offers into the product's sellers, the lowest price being the product's", () => {
    const page = read(
      withJsonLd(`{"@type":"Product","name":"iPhone 15 128GB","brand":{"@type":"Brand","name":"Apple"},
        "aggregateRating":{"@type":"AggregateRating","ratingValue":"4.9","ratingCount":"327"},
        "offers":[
          {"@type":"Offer","price":"459990","priceCurrency":"KZT","seller":{"@type":"Organization","name":"Mobile Store","identifier":"30079314"},"availability":"https://schema.org/InStock"},
          {"@type":"Offer","price":449990,"priceCurrency":"KZT","seller":{"name":"Technodom"}},
          {"@type":"Offer","price":"470 000","priceCurrency":"KZT","seller":"ИП Сапар"}
        ]}`),
    );
    expect(page.product).toMatchObject({
      title: "iPhone 15 128GB",
      brand: "Apple",
      price: 449990,
      currency: "KZT",
      rating: 4.9,
      reviews: 327,
      availability: "InStock",
      seller: "Mobile Store",
    });
    expect(page.product?.sellers).toEqual([
      { name: "Mobile Store", id: "30079314", price: 459990 },
      { name: "Technodom", id: null, price: 449990 },
      { name: "ИП Сапар", id: null, price: 470000 },
    ]);
  });

  it("reads a brand written as a plain string and keeps a non-tenge currency with its cents", () => {
    const page = read(
      withJsonLd(
        '{"@type":"Product","name":"Case","brand":"Spigen","sku":"ACS-01","offers":{"price":"19.99","priceCurrency":"USD"}}',
      ),
    );
    expect(page.product).toMatchObject({
      brand: "Spigen",
      sku: "ACS-01",
      id: "ACS-01",
      price: 19.99,
      currency: "USD",
    });
  });

  it("rounds tenge to whole tenge", () => {
    const page = read(
      withJsonLd('{"@type":"Product","name":"Чайник","offers":{"price":"7350.50","priceCurrency":"KZT"}}'),
    );
    expect(page.product?.price).toBe(7351);
  });

  it("names the price as missing when the Product has none", () => {
    const page = read(
      withJsonLd(
        '{"@type":"Product","name":"Диван угловой","offers":{"@type":"AggregateOffer","lowPrice":null}}',
      ),
    );
    expect(page.kind).toBe("product");
    expect(page.product?.price).toBeNull();
    expect(page.missing).toEqual(["price"]);
  });

  it("reads through malformed blocks: comments, trailing commas, raw line breaks, a broken neighbour", () => {
    const page = read(
      withJsonLd(
        '{"@type": "Organization", "name": broken}',
        `{
          // generated by the shop's CMS
          "@type": "Product",
          "name": "Пылесос Samsung",
          "description": "Мощный
пылесос",
          "offers": {"@type": "Offer", "price": "89 990", "priceCurrency": "KZT",},
        }`,
      ),
    );
    expect(page.source).toBe("generic:json-ld");
    expect(page.product).toMatchObject({
      title: "Пылесос Samsung",
      price: 89990,
      description: "Мощный пылесос",
    });
  });

  it("reads an ItemList of Products in position order as a listing", () => {
    const page = read(
      withJsonLd(`{"@type":"ItemList","itemListElement":[
        {"@type":"ListItem","position":2,"item":{"@type":"Product","name":"Второй","url":"/p/2","offers":{"price":200,"priceCurrency":"KZT"}}},
        {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"Первый","url":"/p/1","sku":"A1","offers":{"price":100,"priceCurrency":"KZT"}}}
      ]}`),
    );
    expect(page.kind).toBe("listing");
    expect(page.source).toBe("generic:json-ld");
    expect(page.product).toBeNull();
    expect(page.items).toEqual([
      {
        id: "A1",
        title: "Первый",
        price: 100,
        currency: "KZT",
        negotiable: null,
        city: null,
        seller: null,
        promoted: false,
        url: "https://shop.example.kz/p/1",
        rating: null,
        reviews: null,
      },
      {
        id: null,
        title: "Второй",
        price: 200,
        currency: "KZT",
        negotiable: null,
        city: null,
        seller: null,
        promoted: false,
        url: "https://shop.example.kz/p/2",
        rating: null,
        reviews: null,
      },
    ]);
  });

  it("reads an ItemList of links without prices", () => {
    const page = read(
      withJsonLd(
        '{"@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,"url":"https://shop.example.kz/p/1","name":"Стул"},{"@type":"ListItem","position":2,"url":"https://shop.example.kz/p/2","name":"Стол"}]}',
      ),
    );
    expect(page.items.map((item) => [item.title, item.price, item.url])).toEqual([
      ["Стул", null, "https://shop.example.kz/p/1"],
      ["Стол", null, "https://shop.example.kz/p/2"],
    ]);
  });

  it("never reads a BreadcrumbList as a listing", () => {
    const page = read(
      withJsonLd(
        '{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Главная","item":"https://shop.example.kz/"}]}',
      ),
    );
    expect(page.kind).toBe("unknown");
    expect(page.source).toBe("generic:none");
    expect(page.items).toEqual([]);
  });

  it("reads several Products as a listing, unless one of them is the page's h1", () => {
    const two = [
      '{"@type":"Product","name":"Кресло","offers":{"price":30000,"priceCurrency":"KZT"}}',
      '{"@type":"Product","name":"Заголовок","offers":{"price":45000,"priceCurrency":"KZT"}}',
    ];
    const main = read(withJsonLd(...two));
    expect(main.kind).toBe("product");
    expect(main.product).toMatchObject({ title: "Заголовок", price: 45000 });
    const listing = read(
      withJsonLd(
        two[0] ?? "",
        '{"@type":"Product","name":"Пуф","offers":{"price":9000,"priceCurrency":"KZT"}}',
      ),
    );
    expect(listing.kind).toBe("listing");
    expect(listing.items.map((item) => [item.title, item.price])).toEqual([
      ["Кресло", 30000],
      ["Пуф", 9000],
    ]);
  });
});

describe("readGenericPage without JSON-LD", () => {
  it("reads Open Graph product tags", () => {
    const page = read(`<html><head><title>Кроссовки Nike</title>
      <meta property="og:type" content="product"><meta property="og:title" content="Кроссовки Nike Air Max">
      <meta property="og:image" content="/img/nike.jpg"><meta property="product:price:amount" content="54990.00">
      <meta property="product:price:currency" content="KZT"></head><body><h1>Кроссовки</h1></body></html>`);
    expect(page.source).toBe("generic:open-graph");
    expect(page.product).toMatchObject({
      title: "Кроссовки Nike Air Max",
      price: 54990,
      currency: "KZT",
      images: ["https://shop.example.kz/img/nike.jpg"],
    });
  });

  it("reads schema.org microdata, not the nested brand's name", () => {
    const page = read(`<html><head><title>Т</title></head><body>
      <div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name">Мультиварка Redmond</h1>
        <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Redmond</span></div>
        <span itemprop="sku">RMC-M90</span>
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <span itemprop="price" content="32990">32 990 ₸</span><meta itemprop="priceCurrency" content="KZT">
          <link itemprop="availability" href="https://schema.org/InStock">
        </div>
      </div></body></html>`);
    expect(page.source).toBe("generic:microdata");
    expect(page.product).toMatchObject({
      title: "Мультиварка Redmond",
      brand: "Redmond",
      sku: "RMC-M90",
      price: 32990,
      currency: "KZT",
      availability: "InStock",
    });
  });

  it("reads one h1 with a price as a product, leaving out the old price, the instalment and the cart", () => {
    const page = read(`<html><head><title>Утюг Philips</title></head><body>
      <header><a class="cart" href="/cart">Корзина 0 ₸</a></header>
      <h1>Утюг Philips GC1742</h1>
      <div class="price-block"><s>19 990 ₸</s> <span class="current-price">14 990 ₸</span></div>
      <div class="installment">от 1 250 ₸/мес</div>
      <footer>Доставка от 5 000 ₸</footer></body></html>`);
    expect(page.source).toBe("generic:heuristics");
    expect(page.kind).toBe("product");
    expect(page.product).toMatchObject({ title: "Утюг Philips GC1742", price: 14990, currency: "KZT" });
  });

  it("reads repeated priced cards as a listing with the count the page states", () => {
    const page = read(`<html><head><title>Ноутбуки</title></head><body><h1>Ноутбуки</h1>
      <p class="count">Найдено 57 товаров</p>
      <div class="grid">
        <div class="card" data-product-id="11"><a href="/p/11"><img alt="Lenovo"></a><div class="card-name">Lenovo IdeaPad 3</div><div class="card-price">$499.00</div></div>
        <div class="card" data-product-id="12"><a href="/p/12"><img alt="HP"></a><div class="card-name">HP 250 G9</div><div class="card-price">$429.50</div></div>
        <div class="card" data-product-id="13"><a href="/p/13">Acer Aspire 5</a><div class="card-price">$550</div></div>
      </div>
      <a rel="next" href="/catalog/notebooks?page=2">Дальше</a></body></html>`);
    expect(page.source).toBe("generic:heuristics");
    expect(page.kind).toBe("listing");
    expect(page.total).toBe(57);
    expect(page.next_url).toBe("https://shop.example.kz/catalog/notebooks?page=2");
    expect(page.items.map((item) => [item.id, item.title, item.price, item.currency, item.url])).toEqual([
      ["11", "Lenovo IdeaPad 3", 499, "USD", "https://shop.example.kz/p/11"],
      ["12", "HP 250 G9", 429.5, "USD", "https://shop.example.kz/p/12"],
      ["13", "Acer Aspire 5", 550, "USD", "https://shop.example.kz/p/13"],
    ]);
  });

  it("reports a page with nothing recognisable as unknown, with its SEO data", () => {
    const page =
      read(`<html><head><title>О компании</title><meta name="description" content="Мы продаём чайники"></head>
      <body><h1>О компании</h1><p>Работаем с 2010 года.</p></body></html>`);
    expect(page).toMatchObject({
      site: "generic",
      kind: "unknown",
      source: "generic:none",
      title: "О компании",
      items: [],
      product: null,
      missing: [],
    });
    expect(page.seo.description).toBe("Мы продаём чайники");
  });

  it("reports a body that is not HTML as unknown without SEO data", () => {
    const page = readGenericPage(
      createPageInput({ url: null, body: '{"ok":true}', contentType: "application/json", status: 200 }),
    );
    expect(page).toMatchObject({ kind: "unknown", source: "generic:none", title: null, items: [] });
    expect(page.seo.title).toBeNull();
  });
});
