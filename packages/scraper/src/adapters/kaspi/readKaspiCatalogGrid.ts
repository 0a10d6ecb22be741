import type { ListingItem, ParsedPage, Seo } from "@arqan/shared";
import { z } from "zod";
import { resolveKaspiLink } from "./resolveKaspiLink.ts";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
const count = optional(z.number().int().nonnegative());

/** One product card of a Kaspi category or search page, as `BACKEND.components.catalogGrid.cards[]` holds it. */
const kaspiCardSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform((id) => String(id)),
  title: z.string().min(1),
  shopLink: optional(z.string()),
  unitPrice: optional(z.number()),
  unitSalePrice: optional(z.number()),
  priceFormatted: optional(z.string()),
  rating: optional(z.number()),
  reviewsQuantity: optional(z.number().int()),
  isPromoted: optional(z.boolean()),
  promoted: optional(z.boolean()),
  sponsored: optional(z.boolean()),
});

/** The catalog grid object: the products of one results page and how many there are in all. */
const kaspiCatalogGridSchema = z.object({
  total: count,
  limit: count,
  cards: z.array(z.unknown()),
});

/** Whether a value has the catalog grid's shape (a `cards` array), whatever else changed. */
export function isKaspiCatalogGrid(value: unknown): boolean {
  return kaspiCatalogGridSchema.safeParse(value).success;
}

/**
 * Reads a Kaspi results page from its catalog grid: the products Kaspi reports in all, this page's cards in
 * order (price = the unit price in tenge), pagination from the URL's ?page= and the grid's page size.
 * Null when the value is not a catalog grid.
 */
export function readKaspiCatalogGrid(
  grid: unknown,
  context: { url: string | null; seo: Seo },
): ParsedPage | null {
  const parsed = kaspiCatalogGridSchema.safeParse(grid);
  if (!parsed.success) return null;
  const missing: string[] = [];
  const items: ListingItem[] = [];
  let unreadable = 0;
  for (const raw of parsed.data.cards) {
    const card = kaspiCardSchema.safeParse(raw);
    if (!card.success) {
      unreadable += 1;
      continue;
    }
    items.push(readCard(card.data, context.url));
  }
  if (unreadable > 0) missing.push("items");
  const total = parsed.data.total ?? null;
  if (total === null) missing.push("total");
  const limit = parsed.data.limit ?? null;
  const pages = total !== null && limit !== null && limit > 0 ? Math.max(1, Math.ceil(total / limit)) : null;
  const page = pageOf(context.url);
  return {
    site: "kaspi",
    kind: "listing",
    url: context.url ?? context.seo.canonical,
    title: context.seo.title,
    total,
    items,
    product: null,
    offers: [],
    seo: context.seo,
    page,
    pages,
    next_url: nextPageUrl(context.url, page, pages),
    missing,
    source: "kaspi:catalog-grid",
  };
}

function readCard(card: z.infer<typeof kaspiCardSchema>, pageUrl: string | null): ListingItem {
  const price = card.unitPrice ?? card.unitSalePrice ?? readShownPrice(card.priceFormatted);
  return {
    id: card.id,
    title: card.title.trim(),
    price: price === null ? null : Math.round(price),
    currency: price === null ? null : "KZT",
    negotiable: null,
    city: null,
    seller: null,
    // Kaspi's cards are organic unless the card itself says it is an advertisement.
    promoted: card.isPromoted === true || card.promoted === true || card.sponsored === true,
    url: resolveKaspiLink(card.shopLink, pageUrl === null ? undefined : originOf(pageUrl)),
    rating: card.rating ?? null,
    reviews: card.reviewsQuantity ?? null,
  };
}

function readShownPrice(shown: string | null | undefined): number | null {
  const digits = shown?.replace(/\D/g, "") ?? "";
  return digits === "" ? null : Number(digits);
}

/** The 1-based page from the URL's ?page= (1 without it); null when the page's URL is unknown. */
function pageOf(url: string | null): number | null {
  if (url === null) return null;
  const page = Number(safeUrl(url)?.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
}

function nextPageUrl(url: string | null, page: number | null, pages: number | null): string | null {
  if (url === null || page === null || pages === null || page >= pages) return null;
  const next = safeUrl(url);
  if (next === null) return null;
  next.searchParams.set("page", String(page + 1));
  return next.toString();
}

function originOf(url: string): string | undefined {
  const origin = safeUrl(url)?.origin;
  return origin === undefined || origin === "null" ? undefined : origin;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
