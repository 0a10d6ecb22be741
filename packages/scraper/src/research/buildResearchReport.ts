import { buildNicheReport, type NicheListing, type NicheReport, type ParsedPage } from "@arqan/shared";
import type { CrawlResult } from "../crawl/crawlPages.ts";
import { type NicheSite, type NicheTaskInput, nicheSites } from "../tasks/parserTask.ts";
import type { NicheSearch } from "./buildNicheSearchUrls.ts";

/**
 * Turns the pages a niche task read into the niche report: the listings of every search page, each site's reported
 * total, and which sites blocked us.
 */
export function buildResearchReport(
  input: NicheTaskInput,
  searches: NicheSearch[],
  results: CrawlResult[],
  collectedAt: Date,
): NicheReport {
  const listings: NicheListing[] = [];
  const totals = searches.map((search) => ({
    site: search.site,
    total: null as number | null,
    pages_read: 0,
    blocked: false,
  }));
  for (const result of results) {
    // The reader names the site (the searches of one niche may share a host, e.g. behind a proxy or in tests);
    // a page nobody could read is attributed by the search URL it was asked for.
    const readSite = nicheSites.find((site) => site === result.page?.site);
    const site = readSite ?? searches.find((s) => s.url === result.url)?.site ?? null;
    if (site === null) continue;
    const siteTotal = totals.find((t) => t.site === site);
    if (siteTotal === undefined) continue;
    if (!result.ok && result.error.code === "blocked") siteTotal.blocked = true;
    const page = result.page;
    if (page === null || page.kind !== "listing") continue;
    siteTotal.pages_read += 1;
    if (page.total !== null) siteTotal.total = Math.max(siteTotal.total ?? 0, page.total);
    listings.push(...listingsOf(page, site));
  }
  return buildNicheReport({
    query: input.query,
    city: input.city,
    collected_at: collectedAt.toISOString(),
    listings,
    totals,
  });
}

function listingsOf(page: ParsedPage, site: NicheSite): NicheListing[] {
  return page.items.map((item) => ({
    site,
    id: item.id,
    title: item.title,
    // The report keeps tenge prices and counts the others it drops (OLX also lists in dollars).
    price_kzt: item.price,
    currency: item.currency,
    seller: item.seller,
    seller_type: item.seller_type ?? null,
    promoted: item.promoted,
    city: item.city,
    posted_at: item.posted_at ?? null,
    views: item.views ?? null,
    reviews: item.reviews ?? null,
    rating: item.rating ?? null,
  }));
}
