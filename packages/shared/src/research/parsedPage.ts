import { z } from "zod";

/**
 * One normalized result per page read by the scraper, whatever the site: what `npx arqan parse` prints,
 * what the task runner stores, what the exports and the niche maths read. Fields a site does not show are
 * null; fields a reader expected but could not find (a layout change) are named in `missing`, so a task
 * can be marked partial instead of reporting wrong zeros.
 */

export const parsedSites = ["olx", "kaspi", "satu", "generic"] as const;
export type ParsedSite = (typeof parsedSites)[number];

/** `auto` lets the reader pick by the URL's host and then by what the page carries. */
export const siteChoices = ["auto", ...parsedSites] as const;
export type SiteChoice = (typeof siteChoices)[number];

/**
 * listing: search/category results; product: one product or ad; feed: a merchant price list;
 * not_found: an error page; needs_js: an empty JavaScript shell (the data comes with scripts);
 * blocked: a captcha or an anti-bot answer; unknown: a page with nothing the readers recognise.
 */
export const pageKinds = [
  "listing",
  "product",
  "feed",
  "not_found",
  "needs_js",
  "blocked",
  "unknown",
] as const;
export type PageKind = (typeof pageKinds)[number];

/** How the page was fetched: the served response parsed as it came, or rendered in headless Chromium. */
export const fetchPaths = ["http", "browser", "file"] as const;
export type FetchPath = (typeof fetchPaths)[number];

export const listingItemSchema = z.object({
  /** The site's own id of the ad or product (OLX ad id, Kaspi product code…). */
  id: z.string().nullable(),
  title: z.string(),
  /** In `currency`'s units as a number (tenge are whole; other currencies may have fractions). */
  price: z.number().nullable(),
  /** ISO 4217 (KZT, UZS, USD…); null when the page shows no price. */
  currency: z.string().nullable(),
  negotiable: z.boolean().nullable(),
  city: z.string().nullable(),
  seller: z.string().nullable(),
  promoted: z.boolean(),
  url: z.string().nullable(),
  /** Extras a site shows on its cards; null when it does not. */
  rating: z.number().nullable().optional(),
  reviews: z.number().int().nullable().optional(),
  views: z.number().int().nullable().optional(),
  /** Private person or business, when the site says so. */
  seller_type: z.enum(["private", "business"]).nullable().optional(),
  /** When the ad was posted or last raised, ISO 8601. */
  posted_at: z.string().nullable().optional(),
});
export type ListingItem = z.infer<typeof listingItemSchema>;

export const productSellerSchema = z.object({
  name: z.string(),
  id: z.string().nullable(),
  price: z.number().nullable(),
});
export type ProductSeller = z.infer<typeof productSellerSchema>;

export const productSchema = z.object({
  id: z.string().nullable(),
  title: z.string(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  brand: z.string().nullable(),
  rating: z.number().nullable(),
  reviews: z.number().int().nullable(),
  sellers: z.array(productSellerSchema),
  /** Characteristics / ad parameters as shown ("Состояние": "Б/у"). */
  attributes: z.record(z.string(), z.string()).optional(),
  description: z.string().nullable().optional(),
  images: z.array(z.string()).optional(),
  city: z.string().nullable().optional(),
  seller: z.string().nullable().optional(),
  negotiable: z.boolean().nullable().optional(),
  url: z.string().nullable().optional(),
  sku: z.string().nullable().optional(),
  availability: z.string().nullable().optional(),
});
export type ParsedProduct = z.infer<typeof productSchema>;

export const feedOfferSchema = z.object({
  sku: z.string(),
  model: z.string().nullable(),
  brand: z.string().nullable(),
  /** The offer's price; for per-city price lists the lowest city price. */
  price: z.number().nullable(),
  available: z.boolean(),
  /** Per-city prices keyed by the site's city id, when the feed has them. */
  city_prices: z.record(z.string(), z.number()).optional(),
});
export type FeedOffer = z.infer<typeof feedOfferSchema>;

export const seoSchema = z.object({
  title: z.string().nullable(),
  description: z.string().nullable(),
  canonical: z.string().nullable(),
  h1: z.string().nullable(),
  /** h1–h3 in document order, at most 50. */
  headings: z.array(z.object({ level: z.number().int().min(1).max(6), text: z.string() })),
  hreflang: z.array(z.object({ lang: z.string(), href: z.string() })),
  robots: z.string().nullable(),
});
export type Seo = z.infer<typeof seoSchema>;

export const parsedPageSchema = z.object({
  site: z.enum(parsedSites),
  kind: z.enum(pageKinds),
  url: z.string().nullable(),
  title: z.string().nullable(),
  /** Results the site reports for a listing (not the cards on this page). */
  total: z.number().int().nullable(),
  items: z.array(listingItemSchema),
  product: productSchema.nullable(),
  offers: z.array(feedOfferSchema),
  seo: seoSchema,
  /** Listing pagination as the page shows it. */
  page: z.number().int().nullable().optional(),
  pages: z.number().int().nullable().optional(),
  next_url: z.string().nullable().optional(),
  /** Fields the reader expected on this kind of page and could not read (a changed layout). */
  missing: z.array(z.string()),
  /** Which reader produced the result: "olx:prerendered-state", "generic:json-ld", … */
  source: z.string(),
  fetch: z
    .object({
      path: z.enum(fetchPaths),
      status: z.number().int().nullable(),
      ms: z.number().nullable(),
      bytes: z.number().int().nullable(),
    })
    .optional(),
});
export type ParsedPage = z.infer<typeof parsedPageSchema>;

/** The SEO block of a page with nothing in it. */
export function emptySeo(): Seo {
  return {
    title: null,
    description: null,
    canonical: null,
    h1: null,
    headings: [],
    hreflang: [],
    robots: null,
  };
}
