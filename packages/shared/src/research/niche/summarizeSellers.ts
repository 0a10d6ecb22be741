import { herfindahl } from "./herfindahl.ts";
import type { NicheListing } from "./nicheInput.ts";
import type { SellerSummary } from "./nicheReport.ts";
import { roundOrNull, roundTo, shareOf } from "./roundTo.ts";

export const topSellersShown = 10;
const shareDecimals = 4;

function topShare(sortedCounts: readonly number[], top: number, whole: number): number | null {
  const part = sortedCounts.slice(0, top).reduce((sum, listings) => sum + listings, 0);
  return roundOrNull(shareOf(part, whole), shareDecimals);
}

/**
 * Who sells in the niche. A seller is their name on the card, matched across sites (the same shop on OLX and
 * Kaspi is one competitor); shares are of the listings whose seller is known. Concentration is the
 * Herfindahl–Hirschman index of those shares. Business and private shares are of the listings whose seller type
 * the site shows.
 */
export function summarizeSellers(listings: readonly NicheListing[]): SellerSummary {
  const bySeller = new Map<string, { seller: string; listings: number }>();
  let withSeller = 0;
  for (const listing of listings) {
    // One seller however the name was spaced or capitalised: "ИП  Данабай" and "ип данабай".
    const name = listing.seller?.trim().replace(/\s+/gu, " ") ?? "";
    if (name === "") continue;
    withSeller += 1;
    const key = name.toLowerCase();
    const entry = bySeller.get(key);
    if (entry) entry.listings += 1;
    else bySeller.set(key, { seller: name, listings: 1 });
  }
  const ranked = [...bySeller.values()].sort(
    (a, b) => b.listings - a.listings || (a.seller < b.seller ? -1 : a.seller > b.seller ? 1 : 0),
  );
  const counts = ranked.map((entry) => entry.listings);
  const business = listings.filter((listing) => listing.seller_type === "business").length;
  const privateSellers = listings.filter((listing) => listing.seller_type === "private").length;
  const known = business + privateSellers;
  return {
    listings_with_seller: withSeller,
    listings_without_seller: listings.length - withSeller,
    unique_sellers: ranked.length,
    top: ranked.slice(0, topSellersShown).map((entry) => ({
      seller: entry.seller,
      listings: entry.listings,
      share: roundTo(entry.listings / withSeller, shareDecimals),
    })),
    top1_share: topShare(counts, 1, withSeller),
    top3_share: topShare(counts, 3, withSeller),
    top5_share: topShare(counts, 5, withSeller),
    hhi: withSeller > 0 ? Math.round(herfindahl(counts.map((listings) => listings / withSeller))) : null,
    seller_type: {
      known,
      unknown: listings.length - known,
      business_share: roundOrNull(shareOf(business, known), shareDecimals),
      private_share: roundOrNull(shareOf(privateSellers, known), shareDecimals),
    },
  };
}
