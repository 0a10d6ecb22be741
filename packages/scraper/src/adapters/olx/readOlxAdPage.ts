import type { ParsedPage, ParsedProduct } from "@arqan/shared";
import { z } from "zod";
import { olxAdSchema } from "./olxAdSchema.ts";
import type { OlxPageContext } from "./readOlxListing.ts";
import { readOlxAdUrl, readOlxPlace, readOlxSeller } from "./readOlxPlace.ts";
import { readOlxPrice } from "./readOlxPrice.ts";

/** An ad page's prerendered state keeps the ad under `ad.ad`. */
const olxAdPageStateSchema = z.object({ ad: z.object({ ad: z.unknown() }) });

/**
 * Reads one OLX ad from its page's prerendered state: price in the ad's currency, seller, place, the ad's
 * parameters ("Состояние": "Б/у"), description and photos. Null when the state holds no ad.
 */
export function readOlxAdPage(state: unknown, context: OlxPageContext): ParsedPage | null {
  const parsed = olxAdPageStateSchema.safeParse(state);
  if (!parsed.success || parsed.data.ad.ad == null) return null;
  const ad = olxAdSchema.safeParse(parsed.data.ad.ad);
  const url = context.url ?? context.seo.canonical;
  const page: ParsedPage = {
    site: "olx",
    kind: "product",
    url,
    title: context.seo.title,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo: context.seo,
    missing: [],
    source: "olx:prerendered-state",
  };
  if (!ad.success) {
    // The ad is there but no longer in the shape we know: a layout change, not an empty ad.
    page.missing = ["product"];
    return page;
  }
  const { price, currency, negotiable } = readOlxPrice(ad.data.price);
  const attributes: Record<string, string> = {};
  for (const param of ad.data.params ?? []) {
    if (param?.value != null && param.value.trim() !== "") attributes[param.name.trim()] = param.value.trim();
  }
  const product: ParsedProduct = {
    id: ad.data.id,
    title: ad.data.title.trim(),
    price,
    currency,
    brand: null,
    rating: null,
    reviews: null,
    sellers: [],
    attributes,
    description: ad.data.description == null ? null : readDescription(ad.data.description),
    images: (ad.data.photos ?? []).filter((photo) => photo !== null),
    city: readOlxPlace(ad.data.location),
    seller: readOlxSeller(ad.data),
    negotiable,
    url: readOlxAdUrl(ad.data, url === null ? null : safeOrigin(url)) ?? url,
  };
  if (ad.data.price == null) page.missing.push("price");
  if (product.city === null) page.missing.push("city");
  if (product.seller === null) page.missing.push("seller");
  page.product = product;
  return page;
}

/** OLX stores descriptions as HTML with <br />: read as plain text lines. */
function readDescription(html: string): string {
  return html
    .replace(/<br\s*\/?>\s*\n?/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
