import type { ListingItem, ParsedPage, Seo } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { olxAdSchema } from "./olxAdSchema.ts";
import { readOlxListingItem } from "./readOlxListingItem.ts";

const count = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .catch(null);

/** The part of OLX's prerendered state a results page is built from. */
const olxListingStateSchema = z.object({
  listing: z.object({
    listing: z.object({
      pageNumber: count,
      totalElements: count,
      totalPages: count,
      ads: z.array(z.unknown()).nullish().catch(null),
      params: z.object({ offset: count, limit: count }).nullish().catch(null),
    }),
  }),
});

export interface OlxPageContext {
  url: string | null;
  seo: Seo;
  $: CheerioAPI;
}

/**
 * Reads an OLX results page from its prerendered state: the number of ads OLX reports, this page's cards in
 * the order shown (an ad shown twice — promoted on top and again in place — counts once), pagination.
 * Null when the state is not a results page's.
 */
export function readOlxListing(state: unknown, context: OlxPageContext): ParsedPage | null {
  const parsed = olxListingStateSchema.safeParse(state);
  if (!parsed.success) return null;
  const listing = parsed.data.listing.listing;
  const missing: string[] = [];
  const ads = listing.ads ?? [];
  if (listing.ads == null) missing.push("items");

  const origin = originOf(context.url ?? context.seo.canonical) ?? originOfAds(ads);
  const items: ListingItem[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const raw of ads) {
    const ad = olxAdSchema.safeParse(raw);
    if (!ad.success) {
      unreadable += 1;
      continue;
    }
    if (seen.has(ad.data.id)) continue;
    seen.add(ad.data.id);
    items.push(readOlxListingItem(ad.data, origin));
  }
  if (unreadable > 0 && !missing.includes("items")) missing.push("items");

  const total = listing.totalElements ?? null;
  if (total === null) missing.push("total");
  const pages = listing.totalPages ?? null;
  if (pages === null) missing.push("pages");
  const page = currentPage(listing.params, listing.pageNumber ?? null, context.url);

  return {
    site: "olx",
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
    next_url: nextPageUrl(context, page, pages, origin),
    missing,
    source: "olx:prerendered-state",
  };
}

/**
 * The 1-based page number: from the API offset OLX used for this page (exact whatever numbering `pageNumber`
 * uses), else the URL's ?page=, else `pageNumber` (0 on the first page).
 */
function currentPage(
  params: { offset?: number | null; limit?: number | null } | null | undefined,
  pageNumber: number | null,
  url: string | null,
): number {
  if (typeof params?.offset === "number" && typeof params.limit === "number" && params.limit > 0) {
    return Math.floor(params.offset / params.limit) + 1;
  }
  const fromUrl = url === null ? null : Number(safeUrl(url)?.searchParams.get("page") ?? Number.NaN);
  if (fromUrl !== null && Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  return pageNumber !== null && pageNumber > 0 ? pageNumber : 1;
}

/** The next results page: the page's own "forward" link, else this URL with the next ?page=. */
function nextPageUrl(
  context: OlxPageContext,
  page: number,
  pages: number | null,
  origin: string | null,
): string | null {
  if (pages !== null && page >= pages) return null;
  const base = context.url ?? context.seo.canonical ?? origin;
  const forward = context.$('[data-testid="pagination-forward"]').first().attr("href") ?? null;
  if (forward !== null && base !== null) return safeUrl(forward, base)?.toString() ?? null;
  if (pages === null || context.url === null) return null;
  const next = safeUrl(context.url);
  if (next === null) return null;
  next.searchParams.set("page", String(page + 1));
  return next.toString();
}

function originOfAds(ads: unknown[]): string | null {
  for (const raw of ads) {
    const ad = olxAdSchema.safeParse(raw);
    const origin = ad.success ? originOf(ad.data.url ?? null) : null;
    if (origin !== null) return origin;
  }
  return null;
}

function originOf(url: string | null): string | null {
  return url === null ? null : (safeUrl(url)?.origin ?? null);
}

function safeUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}
