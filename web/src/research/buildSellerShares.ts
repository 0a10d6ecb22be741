import type { SellerSummary } from "@arqan/shared";

/** One bar of the seller shares chart. */
export interface SellerShare {
  key: string;
  /** The seller's name; null for the bar of every other seller together. */
  seller: string | null;
  listings: number;
  share: number;
}

/**
 * The sellers chart: the report's top sellers by their share of the listings with a known seller, then one
 * "others" bar for the rest, so the bars add up to the whole market. No "others" bar when the top is everyone.
 */
export function buildSellerShares(sellers: SellerSummary): SellerShare[] {
  const top = sellers.top.map((entry, index) => ({
    key: `seller:${index}`,
    seller: entry.seller,
    listings: entry.listings,
    share: entry.share,
  }));
  const topListings = top.reduce((sum, entry) => sum + entry.listings, 0);
  const otherListings = sellers.listings_with_seller - topListings;
  if (otherListings <= 0 || sellers.listings_with_seller === 0) return top;
  return [
    ...top,
    {
      key: "others",
      seller: null,
      listings: otherListings,
      share: otherListings / sellers.listings_with_seller,
    },
  ];
}
