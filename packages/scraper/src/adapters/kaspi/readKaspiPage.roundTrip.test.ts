import { parsedPageSchema } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import {
  type KaspiFakeCard,
  type KaspiFakeOffer,
  kaspiFakeProductUrl,
  renderKaspiFeed,
  renderKaspiProductPage,
  renderKaspiSearchPage,
} from "../../../../../tests/fakes/marketplaces/kaspiPages.ts";
import { createPageInput } from "../pageInput.ts";
import { readKaspiPage } from "./readKaspiPage.ts";

const read = (body: string, url: string | null) =>
  readKaspiPage(createPageInput({ url, body, contentType: null, status: 200 }));

const cards: KaspiFakeCard[] = [
  {
    id: "120000001",
    title: "Pampers Premium Care 3 <Midi> 6-10 кг",
    price: 12490,
    rating: 4.9,
    reviews: 1532,
  },
  {
    id: "120000002",
    title: "Huggies Elite Soft 3",
    price: 9990,
    rating: 5,
    reviews: 0,
    brand: "Huggies",
    promoted: true,
  },
  { id: "120000003", title: 'Подгузники "Мякиш" 4', price: 1250000, rating: 4.5, reviews: 7 },
];

describe("Kaspi pages rendered by the test generator read back as the same data", () => {
  it("a search results page: cards, total, pagination", () => {
    const url = "https://kaspi.kz/shop/search/?text=pampers&c=710000000&page=2";
    const page = read(
      renderKaspiSearchPage({ cards, total: 30, page: 2, query: "pampers", cityId: "710000000" }),
      url,
    );
    expect(parsedPageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ kind: "listing", total: 30, page: 2, pages: 3, missing: [] });
    expect(page?.next_url).toBe("https://kaspi.kz/shop/search/?text=pampers&c=710000000&page=3");
    expect(page?.items).toEqual(
      cards.map((card) => ({
        id: card.id,
        title: card.title,
        price: card.price,
        currency: "KZT",
        negotiable: null,
        city: null,
        seller: null,
        promoted: card.promoted === true,
        url: kaspiFakeProductUrl(card, "710000000"),
        rating: card.rating,
        reviews: card.reviews,
      })),
    );
  });

  it("a product page: every seller's price, never the delivery fee or the instalment", () => {
    const sellers = [
      { name: "Mega <Store>", id: "30000011", price: 12490, expressFee: 995 },
      { name: "ИП Ахметов", id: "30000012", price: 12990 },
      { name: "Baby & Co", id: "30000013", price: 14100, expressFee: 1490 },
    ];
    const html = renderKaspiProductPage({
      id: "120000001",
      title: "Pampers Premium Care 3",
      price: 12490,
      brand: "Pampers",
      rating: 4.9,
      reviews: 1532,
      sellers,
      attributes: { "Вес ребенка": "6-10 кг", Количество: "74 шт" },
    });
    const page = read(html, "https://kaspi.kz/shop/p/pampers-premium-care-3-120000001/");
    expect(page?.missing).toEqual([]);
    expect(page?.product).toMatchObject({
      id: "120000001",
      title: "Pampers Premium Care 3",
      price: 12490,
      currency: "KZT",
      brand: "Pampers",
      rating: 4.9,
      reviews: 1532,
      attributes: { "Вес ребенка": "6-10 кг", Количество: "74 шт" },
      url: "https://kaspi.kz/shop/p/pampers-premium-care-3-120000001/",
    });
    expect(page?.product?.sellers).toEqual(sellers.map(({ name, id, price }) => ({ name, id, price })));
  });

  const offers: KaspiFakeOffer[] = [
    { sku: "SKU-1", model: "Коляска 2 в 1 <серая>", brand: "Anex", price: 289000, available: true },
    { sku: "SKU-2", model: "Автокресло & база", brand: "Cybex", price: 154500, available: false },
    {
      sku: "SKU-3",
      model: "Манеж",
      brand: "Без бренда",
      cityPrices: { "750000000": 45990, "710000000": 44990 },
      available: true,
    },
  ];
  const expectedOffers = offers.map((offer) => ({
    sku: offer.sku,
    model: offer.model,
    brand: offer.brand,
    price: offer.price ?? Math.min(...Object.values(offer.cityPrices ?? {})),
    available: offer.available,
    ...(offer.cityPrices ? { city_prices: offer.cityPrices } : {}),
  }));

  for (const prefixed of [false, true]) {
    it(`a price list (${prefixed ? "prefixed" : "default"} namespace)`, () => {
      const page = read(renderKaspiFeed({ offers, company: "Бэби Маркет", prefixed }), null);
      expect(parsedPageSchema.parse(page)).toEqual(page);
      expect(page).toMatchObject({ kind: "feed", title: "Бэби Маркет", total: 3, missing: [] });
      expect(page?.offers).toEqual(expectedOffers);
    });
  }
});
