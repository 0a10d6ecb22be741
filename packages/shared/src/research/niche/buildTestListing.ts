import type { NicheListing } from "./nicheInput.ts";

/** A listing for tests: an OLX ad with nothing known beyond its title, with the given fields set. */
export function buildTestListing(fields: Partial<NicheListing> = {}): NicheListing {
  return {
    site: "olx",
    id: null,
    title: "Кондиционер",
    price_kzt: null,
    seller: null,
    seller_type: null,
    promoted: false,
    city: "Алматы",
    posted_at: null,
    views: null,
    reviews: null,
    rating: null,
    ...fields,
  };
}
