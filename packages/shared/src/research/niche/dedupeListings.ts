import type { NicheListing } from "./nicheInput.ts";

export interface DedupedListings {
  listings: NicheListing[];
  /** Repeats of a site's id (the same ad read on two pages, a promoted ad shown again), dropped. */
  duplicates_dropped: number;
  /** Listings without an id: kept, they cannot be told apart. */
  without_id: number;
}

/**
 * Keeps the first listing of each site and site id. Listings are not matched across sites or by their title,
 * seller and price: the same seller offering the same thing on OLX and Kaspi is two offers a buyer sees, and two
 * identical cards on one site are as likely two units as one.
 */
export function dedupeListings(listings: readonly NicheListing[]): DedupedListings {
  const seen = new Set<string>();
  const kept: NicheListing[] = [];
  let withoutId = 0;
  for (const listing of listings) {
    const id = listing.id?.trim() ?? "";
    if (id === "") {
      withoutId += 1;
      kept.push(listing);
      continue;
    }
    const key = `${listing.site}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(listing);
  }
  return { listings: kept, duplicates_dropped: listings.length - kept.length, without_id: withoutId };
}
