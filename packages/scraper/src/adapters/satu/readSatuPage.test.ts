import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { createPageInput } from "../pageInput.ts";
import { readSatuPage } from "./readSatuPage.ts";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = (name: string) => readFileSync(resolve(packageRoot, "fixtures/satu", name), "utf8");
const productUrl = "https://satu.kz/p104583921-elektrochajnik-tefal-1501.html";
const searchUrl = "https://satu.kz/search?search_term=%D1%87%D0%B0%D0%B9%D0%BD%D0%B8%D0%BA";

function read(body: string, url: string | null) {
  const page = readSatuPage(
    createPageInput({ url, body, contentType: "text/html", status: 200, site: "satu" }),
  );
  if (page !== null) expect(parsedPageSchema.safeParse(page).success).toBe(true);
  return page;
}

describe("readSatuPage on a product page", () => {
  const html = fixture("product.html");

  it("reads the product: title, the current price (not the old, wholesale or delivery price), seller, city", () => {
    const page = read(html, productUrl);
    expect(page).toMatchObject({
      site: "satu",
      kind: "product",
      source: "satu:product",
      url: productUrl,
      missing: [],
    });
    expect(page?.product).toMatchObject({
      id: "104583921",
      title: "Электрочайник Tefal KO 1501 1,7 л, 2400 Вт",
      price: 18490,
      currency: "KZT",
      seller: "ТОО «ТехноМир Алматы»",
      city: "Алматы",
      brand: "Tefal",
      rating: 4.8,
      reviews: 12,
      sku: "KO1501",
      availability: "InStock",
      url: productUrl,
    });
    expect(page?.product?.sellers).toEqual([{ name: "ТОО «ТехноМир Алматы»", id: "3456789", price: 18490 }]);
  });

  it("reads the characteristics table as attributes, without its group headers", () => {
    expect(read(html, productUrl)?.product?.attributes).toEqual({
      Производитель: "Tefal",
      "Страна производитель": "Китай",
      Объем: "1,7 л",
      Мощность: "2400 Вт",
      "Материал корпуса": "Пластик",
    });
  });

  it("keeps the description's paragraphs and the images", () => {
    const product = read(html, productUrl)?.product;
    expect(product?.description).toBe(
      "Электрочайник Tefal KO 1501 с закрытым нагревательным элементом.\nАвтоотключение, индикатор уровня воды.",
    );
    expect(product?.images).toEqual([
      "https://images.satu.kz/218734512_w640_h640_elektrochajnik-tefal-ko.jpg",
      "https://images.satu.kz/218734513_w640_h640_elektrochajnik-tefal-ko.jpg",
    ]);
  });

  it("never lists the similar products of a product page as items", () => {
    const page = read(html, productUrl);
    expect(page?.items).toEqual([]);
    expect(page?.total).toBeNull();
  });

  it("takes the id from the canonical link when the page was read from a file", () => {
    expect(read(html, null)?.product?.id).toBe("104583921");
    expect(read(html, null)?.url).toBeNull();
  });

  it("falls back to the JSON-LD price when the price element is gone", () => {
    const changed = html.replace(/<div class="bkjEo L2kbr" data-qaid="product_price"[^\n]*\n/, "\n");
    const page = read(changed, productUrl);
    expect(page?.product?.price).toBe(18490);
    expect(page?.missing).toEqual([]);
  });

  it("names the price as missing when the layout changed and no source shows it", () => {
    const changed = html
      .replace(/<div class="bkjEo L2kbr" data-qaid="product_price"[^\n]*\n/, "\n")
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, "");
    const page = read(changed, productUrl);
    expect(page?.kind).toBe("product");
    expect(page?.product?.title).toBe("Электрочайник Tefal KO 1501 1,7 л, 2400 Вт");
    expect(page?.product?.price).toBeNull();
    expect(page?.product?.currency).toBeNull();
    expect(page?.missing).toEqual(["price"]);
  });

  it("names the seller as missing when the company block is gone", () => {
    const changed = html
      .replace(/<aside class="Lt5D8"[\s\S]*?<\/aside>/, "")
      .replace(/"seller": \{[^}]*\}/, '"x": 1');
    expect(read(changed, productUrl)?.missing).toEqual(["seller"]);
  });
});

describe("readSatuPage on a search page", () => {
  const html = fixture("listing.html");

  it("reads the results count and the pagination", () => {
    const page = read(html, searchUrl);
    expect(page).toMatchObject({
      site: "satu",
      kind: "listing",
      source: "satu:listing",
      total: 1234,
      page: 1,
      pages: 52,
      next_url: `${searchUrl}&page=2`,
      product: null,
      missing: [],
    });
  });

  it("reads every tile in order: id, title, price, seller, city, link", () => {
    const items = read(html, searchUrl)?.items ?? [];
    expect(
      items.map((item) => [item.id, item.title, item.price, item.currency, item.seller, item.city]),
    ).toEqual([
      [
        "104583921",
        "Электрочайник Tefal KO 1501 1,7 л, 2400 Вт",
        18490,
        "KZT",
        "ТОО «ТехноМир Алматы»",
        "Алматы",
      ],
      ["98765432", "Чайник Philips HD9318", 15200, "KZT", "Электро Маркет", "Астана"],
      ["76543210", "Чайник заварочный стеклянный 1 л", 4990, "KZT", "Посуда KZ", "Шымкент"],
      [
        "65432109",
        "Самовар электрический 5 л, нержавеющая сталь",
        null,
        null,
        "ИП Восток Трейд",
        "Караганда",
      ],
      ["54321098", "Чайник со свистком 3 л эмалированный", 7351, "KZT", "Эмаль-Сервис", "Павлодар"],
    ]);
    expect(items[0]?.url).toBe("https://satu.kz/p104583921-elektrochajnik-tefal-1501.html");
    expect(items[3]?.url).toBe("https://satu.kz/p65432109-samovar-elektricheskij-5l.html");
  });

  it("marks only the advertised tile as promoted and every seller as a business", () => {
    const items = read(html, searchUrl)?.items ?? [];
    expect(items.map((item) => item.promoted)).toEqual([false, false, true, false, false]);
    expect(new Set(items.map((item) => item.seller_type))).toEqual(new Set(["business"]));
  });

  it("resolves links against the page it was fetched from", () => {
    const items = read(html, "http://127.0.0.1:4010/search?search_term=x")?.items ?? [];
    expect(items[1]?.url).toBe("http://127.0.0.1:4010/p98765432-chajnik-philips-hd9318.html");
  });

  it("names the count as missing when the page no longer shows it", () => {
    const changed = html.replace(/<div class="MafxA"[^\n]*\n/, "").replace(/1 234 товара/g, "");
    const page = read(changed, searchUrl);
    expect(page?.total).toBeNull();
    expect(page?.missing).toEqual(["total"]);
    expect(page?.items).toHaveLength(5);
  });

  it("reads a search that found nothing as a listing of 0 results", () => {
    const empty = `<html><head><title>Поиск — Satu.kz</title></head><body><main data-qaid="search_results">
      <div data-qaid="search_results_info">По запросу «чайник золотой» ничего не найдено</div></main></body></html>`;
    expect(read(empty, searchUrl)).toMatchObject({ kind: "listing", total: 0, items: [], missing: [] });
  });
});

describe("readSatuPage on other pages", () => {
  it("gives null for a page without Satu's markup, so the generic reader takes over", () => {
    expect(
      read(
        "<html><head><title>О компании</title></head><body><h1>О нас</h1></body></html>",
        "https://satu.kz/info",
      ),
    ).toBeNull();
    expect(read('{"total": 3}', "https://satu.kz/api")).toBeNull();
  });
});
