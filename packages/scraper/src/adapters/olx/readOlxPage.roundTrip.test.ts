import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import {
  type OlxFakeAd,
  olxFakeAdUrl,
  renderOlxAdPage,
  renderOlxSearchPage,
} from "../../../../../tests/fakes/marketplaces/olxPages.ts";
import { createPageInput } from "../pageInput.ts";
import { readOlxPage } from "./readOlxPage.ts";

const ads: OlxFakeAd[] = [
  {
    id: "310000001",
    title: "Диван угловой раскладной",
    price: 185000,
    currency: "KZT",
    negotiable: true,
    city: "Алматы, Ауэзовский район",
    seller: "Мебель Алатау",
    business: true,
    promoted: true,
    postedAt: "2025-03-01T10:15:00+05:00",
    views: 412,
  },
  {
    id: "310000002",
    title: "Диван б/у в хорошем состоянии",
    price: null,
    currency: "KZT",
    negotiable: true,
    city: "Караганда",
    seller: "Ольга",
    business: false,
    promoted: false,
    postedAt: "2025-02-27T19:00:00+05:00",
  },
  {
    id: "310000003",
    title: "Диван Chesterfield, Италия",
    price: 2400,
    currency: "USD",
    negotiable: false,
    city: "Астана",
    seller: "Interior Lux",
    business: true,
    promoted: false,
    postedAt: "2025-02-20T08:30:00+05:00",
  },
];

const read = (body: string, url: string) =>
  readOlxPage(createPageInput({ url, body, contentType: "text/html", status: 200 }));

describe("OLX pages rendered by the test generator read back as the same data", () => {
  it("a results page: every ad once, in order, with totals and the next page", () => {
    const url = "https://www.olx.kz/list/q-диван/?page=2";
    const page = read(renderOlxSearchPage({ ads, total: 95, page: 2, pages: 3, query: "диван" }), url);
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ kind: "listing", total: 95, page: 2, pages: 3, missing: [] });
    expect(page?.next_url).toBe("https://www.olx.kz/list/q-%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD/?page=3");
    expect(page?.items).toEqual(
      ads.map((ad) => ({
        id: ad.id,
        title: ad.title,
        price: ad.price,
        currency: ad.price === null ? null : ad.currency,
        negotiable: ad.negotiable,
        city: ad.city,
        seller: ad.seller,
        promoted: ad.promoted,
        url: olxFakeAdUrl(ad),
        seller_type: ad.business ? "business" : "private",
        posted_at: ad.postedAt,
        ...(ad.views === undefined ? {} : { views: ad.views }),
      })),
    );
  });

  it("the last results page has no next page", () => {
    const page = read(
      renderOlxSearchPage({ ads, total: 95, page: 3, pages: 3, query: "диван" }),
      "https://www.olx.kz/list/q-диван/?page=3",
    );
    expect(page?.page).toBe(3);
    expect(page?.next_url).toBeNull();
  });

  it("an ad page: price, place, seller, parameters, description and photos", () => {
    const [ad] = ads;
    if (ad === undefined) throw new Error("no ad");
    const photos = [
      "https://frankfurt.apollo.olxcdn.com/v1/files/a1/image",
      "https://frankfurt.apollo.olxcdn.com/v1/files/a2/image",
    ];
    const html = renderOlxAdPage({
      ...ad,
      description: "Новый диван <из салона>.\nДоставка по городу & сборка.",
      params: { Состояние: "Новый", Материал: "Велюр" },
      photos,
    });
    const page = read(html, olxFakeAdUrl(ad));
    expect(page?.kind).toBe("product");
    expect(page?.missing).toEqual([]);
    expect(page?.product).toEqual({
      id: ad.id,
      title: ad.title,
      price: 185000,
      currency: "KZT",
      brand: null,
      rating: null,
      reviews: null,
      sellers: [],
      attributes: { Состояние: "Новый", Материал: "Велюр" },
      description: "Новый диван <из салона>.\nДоставка по городу & сборка.",
      images: photos,
      city: "Алматы, Ауэзовский район",
      seller: "Мебель Алатау",
      negotiable: true,
      url: olxFakeAdUrl(ad),
    });
  });
});
