import type { CheerioAPI } from "cheerio";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/** A number schema.org data may write as a number or a string ("2810", "4,9"). */
const amount = optional(
  z.union([
    z.number(),
    z
      .string()
      .transform((text) => Number(text.replace(/[\s\u00a0]/g, "").replace(",", ".")))
      .pipe(z.number()),
  ]),
);

const offerSchema = z.object({
  "@type": optional(z.string()),
  price: amount,
  lowPrice: amount,
  priceCurrency: optional(z.string()),
  availability: optional(z.string()),
});

const jsonLdProductSchema = z.object({
  name: optional(z.string()),
  sku: optional(z.union([z.string(), z.number().transform(String)])),
  productID: optional(z.union([z.string(), z.number().transform(String)])),
  brand: optional(
    z.union([z.string(), z.object({ name: optional(z.string()) }).transform((brand) => brand.name ?? null)]),
  ),
  offers: optional(
    z.union([
      z
        .array(offerSchema.nullable().catch(null))
        .transform((offers) => offers.filter((offer) => offer !== null)),
      offerSchema.transform((offer) => [offer]),
    ]),
  ),
  aggregateRating: optional(z.object({ ratingValue: amount, reviewCount: amount, ratingCount: amount })),
});

export interface JsonLdProduct {
  name: string | null;
  sku: string | null;
  brand: string | null;
  /** The lowest price any offer states (an AggregateOffer's lowPrice or an Offer's price). */
  price: number | null;
  currency: string | null;
  /** schema.org availability without its prefix ("InStock"). */
  availability: string | null;
  rating: number | null;
  reviews: number | null;
}

/**
 * The schema.org Product a page describes in JSON-LD, or null. Blocks that are not valid JSON are read once
 * more without trailing commas (Kaspi ships one such block) and skipped if still broken.
 */
export function readJsonLdProduct($: CheerioAPI): JsonLdProduct | null {
  for (const block of readJsonLdBlocks($)) {
    if (!isProduct(block)) continue;
    const product = jsonLdProductSchema.safeParse(block);
    if (!product.success) continue;
    const offers = product.data.offers ?? [];
    const prices = offers
      .flatMap((offer) => [offer.price, offer.lowPrice])
      .filter((price): price is number => typeof price === "number" && Number.isFinite(price) && price > 0);
    const availability = offers.map((offer) => offer.availability).find((value) => typeof value === "string");
    const rating = product.data.aggregateRating;
    const reviews = rating?.reviewCount ?? rating?.ratingCount ?? null;
    return {
      name: product.data.name?.trim() || null,
      sku: product.data.sku ?? product.data.productID ?? null,
      brand: product.data.brand?.trim() || null,
      price: prices.length > 0 ? Math.min(...prices) : null,
      currency: offers.map((offer) => offer.priceCurrency).find((value) => typeof value === "string") ?? null,
      availability: availability ? availability.replace(/^https?:\/\/schema\.org\//, "") : null,
      rating: rating?.ratingValue ?? null,
      reviews: reviews === null ? null : Math.round(reviews),
    };
  }
  return null;
}

function readJsonLdBlocks($: CheerioAPI): unknown[] {
  const blocks: unknown[] = [];
  $('script[type="application/ld+json"]').each((_, element) => {
    const parsed = parseLenient($(element).text());
    const queue = Array.isArray(parsed) ? [...parsed] : [parsed];
    for (const entry of queue) {
      if (entry === null || typeof entry !== "object") continue;
      blocks.push(entry);
      const graph = "@graph" in entry ? entry["@graph"] : null;
      if (Array.isArray(graph)) blocks.push(...graph);
    }
  });
  return blocks;
}

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(
        text
          .trim()
          .replace(/,\s*([}\]])/g, "$1")
          .replace(/,\s*$/, ""),
      );
    } catch {
      return null;
    }
  }
}

function isProduct(block: unknown): boolean {
  if (block === null || typeof block !== "object" || !("@type" in block)) return false;
  const type = block["@type"];
  return type === "Product" || (Array.isArray(type) && type.includes("Product"));
}
