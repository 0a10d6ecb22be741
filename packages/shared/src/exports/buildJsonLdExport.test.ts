import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildJsonLdExport } from "./buildJsonLdExport.ts";
import { exampleSource, makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

const availability = z.enum(["https://schema.org/InStock", "https://schema.org/OutOfStock"]);
const seller = z.object({ "@type": z.enum(["Organization", "Person"]), name: z.string() }).strict();
const offer = z
  .object({
    "@type": z.literal("Offer"),
    price: z.number(),
    priceCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    availability: availability.optional(),
    url: z.url().optional(),
    seller: seller.optional(),
  })
  .strict();
const aggregateOffer = z
  .object({
    "@type": z.literal("AggregateOffer"),
    lowPrice: z.number(),
    highPrice: z.number(),
    offerCount: z.number().int().positive(),
    priceCurrency: z.string().optional(),
    availability: availability.optional(),
    offers: z.array(offer).min(1),
  })
  .strict();
/** The shape a schema.org consumer relies on; strict, so a misspelt property fails. */
const product = z
  .object({
    "@type": z.literal("Product"),
    name: z.string(),
    productID: z.string().optional(),
    sku: z.string().optional(),
    brand: z
      .object({ "@type": z.literal("Brand"), name: z.string() })
      .strict()
      .optional(),
    description: z.string().optional(),
    url: z.url().optional(),
    image: z.array(z.url()).optional(),
    aggregateRating: z
      .object({
        "@type": z.literal("AggregateRating"),
        ratingValue: z.number(),
        reviewCount: z.number().optional(),
      })
      .strict()
      .optional(),
    additionalProperty: z
      .array(z.object({ "@type": z.literal("PropertyValue"), name: z.string(), value: z.string() }).strict())
      .optional(),
    offers: z.union([offer, aggregateOffer]).optional(),
  })
  .strict();
const itemList = z
  .object({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("ItemList"),
    name: z.string(),
    dateCreated: z.string(),
    numberOfItems: z.number().int(),
    itemListElement: z.array(
      z
        .object({ "@type": z.literal("ListItem"), position: z.number().int().positive(), item: product })
        .strict(),
    ),
  })
  .strict();

function readJsonLd(body: Uint8Array) {
  return itemList.parse(JSON.parse(new TextDecoder().decode(body)));
}

describe("buildJsonLdExport", () => {
  it("is a schema.org ItemList of Products, positions from 1", () => {
    const list = readJsonLd(buildJsonLdExport(makeAwkwardProducts(), exampleSource));
    expect(list.numberOfItems).toBe(4);
    expect(list.name).toBe("Рашгарды в Астане, март");
    expect(list.itemListElement.map((element) => element.position)).toEqual([1, 2, 3, 4]);
    expect(list.itemListElement.map((element) => element.item.name)).toEqual(
      makeAwkwardProducts().map((p) => p.title),
    );
  });

  it("sums several sellers into an AggregateOffer with the lowest and highest price", () => {
    const [kaspi] = readJsonLd(buildJsonLdExport(makeAwkwardProducts(), exampleSource)).itemListElement;
    expect(kaspi?.item).toMatchObject({
      sku: "121207970",
      brand: { "@type": "Brand", name: "Без бренда" },
      aggregateRating: { ratingValue: 4.8, reviewCount: 85 },
      offers: {
        "@type": "AggregateOffer",
        lowPrice: 2810,
        highPrice: 3500,
        offerCount: 4,
        priceCurrency: "KZT",
        availability: "https://schema.org/InStock",
      },
    });
    const offers = kaspi?.item.offers;
    if (offers?.["@type"] !== "AggregateOffer") throw new Error("expected an AggregateOffer");
    expect(offers.offers.map((o) => [o.seller?.name, o.price])).toEqual([
      ["ShoрKZ", 2810],
      ["TESSO", 2897],
      ["ИП ДАНАБАЙ", 3500],
    ]);
    expect(kaspi?.item.additionalProperty).toContainEqual({
      "@type": "PropertyValue",
      name: "Цвет",
      value: 'чёрный, "графит"',
    });
  });

  it("gives one seller an Offer: a private seller a Person, out of stock, zero and negative prices kept", () => {
    const [, olx, none, satu] = readJsonLd(
      buildJsonLdExport(makeAwkwardProducts(), exampleSource),
    ).itemListElement;
    expect(olx?.item.offers).toEqual({
      "@type": "Offer",
      price: 0,
      priceCurrency: "KZT",
      availability: "https://schema.org/OutOfStock",
      url: "https://www.olx.kz/d/obyavlenie/tovar-ID5.html?a=1&b=2",
      seller: { "@type": "Person", name: "Айгүл" },
    });
    expect(olx?.item.aggregateRating).toEqual({ "@type": "AggregateRating", ratingValue: 0, reviewCount: 0 });
    expect(none?.item).toEqual({ "@type": "Product", name: '=HYPERLINK("http://evil.example","click")' });
    expect(satu?.item.offers).toMatchObject({
      price: 1.5,
      priceCurrency: "USD",
      seller: { "@type": "Organization" },
    });
  });

  it("round-trips every price, large and negative ones included", () => {
    const products = [...makeAwkwardProducts(), ...makeManyProducts(1200)].map((p) => ({
      ...p,
      sellers: [],
    }));
    products[0] = { ...products[0]!, price: 2_500_000_000 };
    const list = readJsonLd(buildJsonLdExport(products, exampleSource));
    expect(list.itemListElement).toHaveLength(1204);
    const prices = list.itemListElement.map((element) =>
      element.item.offers?.["@type"] === "Offer" ? element.item.offers.price : null,
    );
    expect(prices).toEqual(products.map((p) => p.price));
  });

  it("can be pasted into a <script> tag as it is", () => {
    const [product] = makeManyProducts(1);
    const body = buildJsonLdExport(
      [{ ...product!, title: "</script><script>alert(1)</script>" }],
      exampleSource,
    );
    const text = new TextDecoder().decode(body);
    expect(text).not.toContain("</script");
    expect(readJsonLd(body).itemListElement[0]?.item.name).toBe("</script><script>alert(1)</script>");
  });
});
