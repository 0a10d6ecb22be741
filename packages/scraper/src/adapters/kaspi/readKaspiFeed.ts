import { emptySeo, type FeedOffer, type ParsedPage } from "@arqan/shared";
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
const xmlText = z.union([z.string(), z.number().transform(String)]);

const feedOfferSchema = z.object({
  "@_sku": xmlText.pipe(z.string().trim().min(1)),
  model: optional(xmlText),
  brand: optional(xmlText),
  price: optional(xmlText),
  availabilities: optional(
    z.object({
      availability: z.array(
        z
          .object({ "@_available": optional(xmlText) })
          .nullable()
          .catch(null),
      ),
    }),
  ),
  cityprices: optional(
    z.object({
      cityprice: z.array(z.object({ "#text": xmlText, "@_cityId": xmlText }).nullable().catch(null)),
    }),
  ),
});

const kaspiCatalogSchema = z.object({
  kaspi_catalog: z.object({
    company: optional(xmlText),
    offers: z
      .union([z.object({ offer: z.array(z.unknown()) }), z.literal("").transform(() => ({ offer: [] }))])
      .nullish()
      .catch(null),
  }),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Both forms Kaspi accepts read the same: xmlns="kaspiShopping" and a prefix (<kaspi:offer>).
  removeNSPrefix: true,
  // SKUs and prices stay text until read: "0012" is a SKU, not 12.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === "offer" || name === "availability" || name === "cityprice",
});

/** Whether a body looks like an XML document whose root is Kaspi's price list. */
export function looksLikeKaspiFeed(body: string): boolean {
  const start = body
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 4096);
  const root = /<(?:[\w.-]+:)?kaspi_catalog[\s>]/;
  return (start.startsWith("<?xml") || /^<(?:[\w.-]+:)?kaspi_catalog[\s>]/.test(start)) && root.test(start);
}

/**
 * Reads a merchant's Kaspi price list (kaspi_catalog XML): the company, and each offer's SKU, model, brand,
 * price and availability. A price list priced per city (<cityprices>) keeps every city's price; the offer's
 * price is then the lowest of them. An offer is available when any of its stores says available="yes".
 * Null when the body is not a Kaspi price list.
 */
export function readKaspiFeed(body: string, url: string | null): ParsedPage | null {
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    return null;
  }
  const catalog = kaspiCatalogSchema.safeParse(document);
  if (!catalog.success) return null;
  const missing: string[] = [];
  const rawOffers = catalog.data.kaspi_catalog.offers?.offer ?? null;
  if (rawOffers === null) missing.push("offers");
  const offers: FeedOffer[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const raw of rawOffers ?? []) {
    const offer = feedOfferSchema.safeParse(raw);
    if (!offer.success) {
      unreadable += 1;
      continue;
    }
    const sku = offer.data["@_sku"];
    if (seen.has(sku)) continue;
    seen.add(sku);
    offers.push(readOffer(sku, offer.data));
  }
  if (unreadable > 0 && !missing.includes("offers")) missing.push("offers");
  if (offers.some((offer) => offer.price === null)) missing.push("price");
  const company = catalog.data.kaspi_catalog.company?.trim() || null;
  return {
    site: "kaspi",
    kind: "feed",
    url,
    title: company,
    total: rawOffers === null ? null : offers.length,
    items: [],
    product: null,
    offers,
    seo: emptySeo(),
    missing,
    source: "kaspi:feed",
  };
}

function readOffer(sku: string, offer: z.infer<typeof feedOfferSchema>): FeedOffer {
  const cityPrices: Record<string, number> = {};
  for (const entry of offer.cityprices?.cityprice ?? []) {
    const price = entry === null ? null : readPrice(entry["#text"]);
    if (entry !== null && price !== null) cityPrices[entry["@_cityId"].trim()] = price;
  }
  const perCity = Object.values(cityPrices);
  const price = readPrice(offer.price) ?? (perCity.length > 0 ? Math.min(...perCity) : null);
  const read: FeedOffer = {
    sku,
    model: offer.model?.trim() || null,
    brand: offer.brand?.trim() || null,
    price,
    available: (offer.availabilities?.availability ?? []).some(
      (availability) => availability?.["@_available"]?.trim().toLowerCase() === "yes",
    ),
  };
  if (perCity.length > 0) read.city_prices = cityPrices;
  return read;
}

function readPrice(text: string | null | undefined): number | null {
  if (!text) return null;
  const value = Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
  return Number.isFinite(value) && value >= 0 ? value : null;
}
