import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { createPageInput } from "../pageInput.ts";
import { readOlxPage } from "./readOlxPage.ts";

const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
const realCapture = (name: string) =>
  readFileSync(resolve(repoRoot, "../shared/fixtures/real", name), "utf8");
const ownFixture = (name: string) =>
  readFileSync(resolve(repoRoot, "packages/scraper/fixtures/olx", name), "utf8");
const read = (body: string, url: string | null = null) =>
  readOlxPage(
    createPageInput({ url, body, contentType: url ? "text/html" : null, status: url ? 200 : null }),
  );

describe("readOlxPage on the real olx.uz results page", () => {
  const page = read(realCapture("olx-uz-search-ssr.html"));

  it("is a valid OLX listing with the totals OLX reports", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page?.site).toBe("olx");
    expect(page?.kind).toBe("listing");
    expect(page?.source).toBe("olx:prerendered-state");
    expect(page?.total).toBe(1000);
    expect(page?.page).toBe(1);
    expect(page?.pages).toBe(25);
    expect(page?.missing).toEqual([]);
    expect(page?.title).toBe("Iphone - Электроника - OLX.uz");
  });

  it("reads the 52 cards in order, 12 of them promoted, each ad once", () => {
    const items = page?.items ?? [];
    expect(items).toHaveLength(52);
    expect(items.filter((item) => item.promoted)).toHaveLength(12);
    expect(new Set(items.map((item) => item.id)).size).toBe(52);
    expect(items.every((item) => item.currency === "UZS")).toBe(true);
  });

  it("reads the first (promoted) ad exactly", () => {
    const first = page?.items[0];
    expect(first).toMatchObject({
      id: "48423658",
      title: "Iphone zaryadka 20watt айфон головка + кабел",
      price: 105000,
      currency: "UZS",
      negotiable: false,
      seller: "Samarkand airpods - TELEGRAMDA",
      promoted: true,
      seller_type: "business",
      url: "https://www.olx.uz/d/obyavlenie/iphone-zaryadka-20watt-ayfon-golovka-kabel-ID3hbcK.html",
      posted_at: "2023-12-07T12:50:23+05:00",
    });
    expect(first?.city).toContain("Самарканд");
  });

  it("reads the first non-promoted ad with its district", () => {
    expect(page?.items.findIndex((item) => !item.promoted)).toBe(3);
    expect(page?.items[3]).toMatchObject({
      id: "50881478",
      title: "Iphone 5s 32 gb black",
      price: 200000,
      currency: "UZS",
      negotiable: true,
      city: "Ташкент, Яккасарайский район",
      promoted: false,
    });
  });

  it("links the next page from the page's own pagination", () => {
    expect(page?.next_url).toBe(
      "https://www.olx.uz/elektronika/q-Iphone/?currency=UZS&page=2&search%5Bfilter_float_price%3Afrom%5D=100&search%5Bfilter_float_price%3Ato%5D=200000",
    );
  });
});

describe("readOlxPage on an olx.kz results page in tenge", () => {
  const url = "https://www.olx.kz/list/q-iphone/?page=2";
  const page = read(ownFixture("olx-kz-search-tenge.html"), url);

  it("reads total, page 2 of 4 and the next page", () => {
    expect(page).toMatchObject({ kind: "listing", total: 137, page: 2, pages: 4, missing: [], url });
    expect(page?.next_url).toBe("https://www.olx.kz/list/q-iphone/?page=3");
  });

  it("counts a promoted ad shown twice once and keeps each ad's currency", () => {
    expect(page?.items.map((item) => [item.id, item.price, item.currency, item.negotiable])).toEqual([
      ["299001122", 3500, "KZT", false],
      ["301555010", null, null, true],
      ["300777333", 1150, "USD", true],
      ["301000444", 7990, "KZT", false],
    ]);
  });

  it("reads place, seller, seller type and date", () => {
    expect(page?.items.map((item) => [item.city, item.seller, item.seller_type, item.promoted])).toEqual([
      ["Астана, Есильский район", "CaseShop.kz", "business", true],
      ["Шымкент", "Ерлан", "private", false],
      ["Алматы, Медеуский район", "Apple Store KZ", "business", false],
      ["Караганда", "Дана", "private", false],
    ]);
    expect(page?.items[1]?.posted_at).toBe("2025-02-28T21:15:00+05:00");
    expect(page?.items[1]?.url).toBe("https://www.olx.kz/d/obyavlenie/iphone-11-64gb-IDn5Qw0.html");
  });

  it("has no next page on the last page", () => {
    const last = read(
      ownFixture("olx-kz-search-tenge.html").replace('\\"totalPages\\":4', '\\"totalPages\\":2'),
      url,
    );
    expect(last?.pages).toBe(2);
    expect(last?.next_url).toBeNull();
  });
});

describe("readOlxPage on a results page whose state changed", () => {
  const page = read(ownFixture("olx-kz-search-changed-layout.html"));

  it("still reads the cards but names the total it could not find instead of reporting 0", () => {
    expect(page?.kind).toBe("listing");
    expect(page?.total).toBeNull();
    expect(page?.missing).toContain("total");
    expect(page?.items.map((item) => item.id)).toEqual(["301000444", "301555010"]);
    expect(page?.next_url).toBeNull();
  });
});

describe("readOlxPage on an olx.kz ad page", () => {
  const url = "https://www.olx.kz/d/obyavlenie/iphone-13-128gb-otlichnoe-sostoyanie-IDn4Xk2.html";
  const page = read(ownFixture("olx-kz-ad-page.html"), url);

  it("reads the ad as a product with its parameters", () => {
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ site: "olx", kind: "product", total: null, items: [], missing: [] });
    expect(page?.title).toBe(
      "iPhone 13 128GB, отличное состояние: 245 000 тг. - Мобильные телефоны / смартфоны Алматы на Olx",
    );
    expect(page?.product).toEqual({
      id: "301234567",
      title: "iPhone 13 128GB, отличное состояние",
      price: 245000,
      currency: "KZT",
      brand: null,
      rating: null,
      reviews: null,
      sellers: [],
      attributes: { Состояние: "Б/у", Модель: "iPhone 13", "Встроенная память": "128 ГБ" },
      description:
        "Продаю iPhone 13 на 128 ГБ.\nАккумулятор 89%, без сколов & царапин.\n\nВ комплекте коробка и кабель. Торг у телефона.",
      images: [
        "https://frankfurt.apollo.olxcdn.com:443/v1/files/8kq2m1x7w3pf-KZ/image;s=1000x700",
        "https://frankfurt.apollo.olxcdn.com:443/v1/files/c5d0yq4r1n2b-KZ/image;s=1000x700",
        "https://frankfurt.apollo.olxcdn.com:443/v1/files/v2t9l0k8h4zs-KZ/image;s=1000x700",
      ],
      city: "Алматы, Бостандыкский район",
      seller: "Айгерим",
      negotiable: true,
      url,
    });
  });
});

describe("readOlxPage on pages it does not recognise", () => {
  it("returns null for pages without OLX state", () => {
    expect(read("<html><head><title>Доступ ограничен</title></head><body>captcha</body></html>")).toBeNull();
    expect(read('<script>window.__PRERENDERED_STATE__= "{\\"home\\":{}}";</script>')).toBeNull();
    expect(read("")).toBeNull();
  });
});
