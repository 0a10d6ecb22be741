import type { NicheListing } from "./nicheInput.ts";
import type { DemandSummary } from "./nicheReport.ts";
import { median } from "./quantile.ts";
import { roundOrNull, shareOf } from "./roundTo.ts";

function summarizeEngagement(figures: readonly (number | null)[]) {
  const shown = figures.filter((figure): figure is number => figure !== null);
  return {
    listings: shown.length,
    sum: shown.length > 0 ? Math.round(shown.reduce((sum, figure) => sum + figure, 0)) : null,
    median: roundOrNull(median(shown)),
  };
}

/**
 * Signs that buyers come to the niche, where the sites show them: views (OLX), reviews (Kaspi: a review follows a
 * purchase, so reviews stand for sales), and the share of listings whose sellers pay for promotion — people pay to
 * sell where buyers are. The promoted share is of every listing read, including sites that show no promotion.
 */
export function summarizeDemand(listings: readonly NicheListing[]): DemandSummary {
  const promoted = listings.filter((listing) => listing.promoted).length;
  return {
    views: summarizeEngagement(listings.map((listing) => listing.views)),
    reviews: summarizeEngagement(listings.map((listing) => listing.reviews)),
    promoted: { listings: promoted, share: roundOrNull(shareOf(promoted, listings.length), 4) },
  };
}
