import { describe, expect, it } from "vitest";
import { emptySeo, type ParsedPage, parsedPageSchema } from "../research/parsedPage.ts";
import { exportProductSchema } from "./exportProduct.ts";
import { toExportProducts } from "./toExportProducts.ts";

function page(fields: Partial<ParsedPage>): ParsedPage {
  return parsedPageSchema.parse({
    site: "olx",
    kind: "listing",
    url: "https://www.olx.kz/list/q-велосипед/",
    title: null,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo: emptySeo(),
    missing: [],
    source: "test",
    ...fields,
  });
}

describe("toExportProducts", () => {
  it("turns each listing card into a product, a tenge price also as price_kzt", () => {
    const products = toExportProducts(
      page({
        items: [
          {
            id: "123",
            title: "Велосипед Stels",
            price: 45000,
            currency: "KZT",
            negotiable: true,
            city: "Алматы",
            seller: "Айгүл",
            promoted: true,
            url: "https://www.olx.kz/d/obyavlenie/velosiped-ID123.html",
            seller_type: "private",
            posted_at: "2025-03-01T10:15:00Z",
            views: 3_000_000_000,
          },
          {
            id: "124",
            title: "Велосипед",
            price: 100,
            currency: "USD",
            negotiable: null,
            city: null,
            seller: null,
            promoted: false,
            url: null,
          },
        ],
      }),
    );
    expect(products.map((p) => exportProductSchema.parse(p))).toEqual(products);
    expect(products[0]).toMatchObject({
      site: "olx",
      external_id: "123",
      price: 45000,
      price_kzt: 45000,
      negotiable: true,
      seller_type: "private",
      promoted: true,
      posted_at: "2025-03-01T10:15:00Z",
      views: 3_000_000_000,
      rating: null,
      sellers: [],
    });
    // A dollar price is not converted: no tenge price rather than a wrong one.
    expect(products[1]).toMatchObject({
      price: 100,
      currency: "USD",
      price_kzt: null,
      rating: null,
      posted_at: null,
    });
  });

  it("turns a product page into one product with its sellers, characteristics and stock", () => {
    const [product, ...rest] = toExportProducts(
      page({
        site: "kaspi",
        kind: "product",
        url: "https://kaspi.kz/shop/p/rashgard-121207970/",
        product: {
          id: "121207970",
          title: "Рашгард черный",
          price: 2810,
          currency: "KZT",
          brand: "Без бренда",
          rating: 4.8,
          reviews: 85,
          sellers: [{ name: "TESSO", id: "30321583", price: 2897 }],
          attributes: { Цвет: "чёрный" },
          images: ["https://resources.cdn-kaspi.kz/1.jpg"],
          availability: "https://schema.org/InStock",
        },
      }),
    );
    expect(rest).toEqual([]);
    expect(product).toMatchObject({
      site: "kaspi",
      external_id: "121207970",
      url: "https://kaspi.kz/shop/p/rashgard-121207970/",
      price_kzt: 2810,
      brand: "Без бренда",
      available: true,
      sellers: [{ name: "TESSO", id: "30321583", price: 2897 }],
      attributes: { Цвет: "чёрный" },
      images: ["https://resources.cdn-kaspi.kz/1.jpg"],
      description: null,
    });
    const soldOut = toExportProducts(
      page({
        kind: "product",
        product: {
          id: null,
          title: "x",
          price: null,
          currency: null,
          brand: null,
          rating: null,
          reviews: null,
          sellers: [],
          availability: "OutOfStock",
        },
      }),
    );
    expect(soldOut[0]).toMatchObject({
      available: false,
      price_kzt: null,
      url: "https://www.olx.kz/list/q-велосипед/",
    });
  });

  it("turns each merchant feed offer into a product priced in tenge", () => {
    const products = toExportProducts(
      page({
        site: "kaspi",
        kind: "feed",
        offers: [
          {
            sku: "119102364",
            model: "Игрушка 7490466527",
            brand: "Без бренда",
            price: 1371,
            available: true,
          },
          { sku: "119102365", model: null, brand: null, price: null, available: false },
        ],
      }),
    );
    expect(products).toMatchObject([
      {
        external_id: "119102364",
        sku: "119102364",
        title: "Игрушка 7490466527",
        price: 1371,
        currency: "KZT",
        price_kzt: 1371,
        available: true,
      },
      {
        external_id: "119102365",
        title: "119102365",
        price: null,
        currency: null,
        price_kzt: null,
        available: false,
      },
    ]);
  });

  it("gives nothing for a blocked or empty page", () => {
    expect(toExportProducts(page({ kind: "blocked" }))).toEqual([]);
  });
});
