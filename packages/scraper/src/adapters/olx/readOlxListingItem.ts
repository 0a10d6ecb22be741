import type { ListingItem } from "@arqan/shared";
import type { OlxAd } from "./olxAdSchema.ts";
import { readOlxAdUrl, readOlxPlace, readOlxSeller } from "./readOlxPlace.ts";
import { readOlxPrice } from "./readOlxPrice.ts";

/**
 * One card of an OLX results page. `posted_at` is the date the card shows: the last refresh (a raised ad
 * shows when it was raised), else when it was created.
 */
export function readOlxListingItem(ad: OlxAd, origin: string | null): ListingItem {
  const { price, currency, negotiable } = readOlxPrice(ad.price);
  const item: ListingItem = {
    id: ad.id,
    title: ad.title.trim(),
    price,
    currency,
    negotiable,
    city: readOlxPlace(ad.location),
    seller: readOlxSeller(ad),
    promoted: ad.isPromoted === true,
    url: readOlxAdUrl(ad, origin),
    seller_type: ad.isBusiness === true ? "business" : ad.isBusiness === false ? "private" : null,
    posted_at: ad.lastRefreshTime ?? ad.createdTime ?? null,
  };
  if (typeof ad.views === "number") item.views = ad.views;
  return item;
}
