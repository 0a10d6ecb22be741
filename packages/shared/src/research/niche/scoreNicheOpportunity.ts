import type {
  DemandSummary,
  FreshnessSummary,
  OpportunityComponent,
  OpportunityComponentKey,
  OpportunityScore,
  PriceSummary,
  SellerSummary,
  SupplySummary,
} from "./nicheReport.ts";
import { opportunityComponentKeys } from "./nicheReport.ts";
import { roundTo } from "./roundTo.ts";

/** How much each sign weighs in the opportunity score; they add up to 1. */
export const opportunityWeights = {
  demand: 0.25,
  competition: 0.2,
  concentration: 0.15,
  price_level: 0.15,
  freshness: 0.1,
  promotion: 0.15,
} as const satisfies Record<OpportunityComponentKey, number>;

/** Median views per listing: 10 scores 0, 1 000 and more score 100, on a log scale. */
export const demandViewsRange = { low: 10, high: 1_000 } as const;
/** Median reviews per listing (Kaspi purchases): 1 scores 0, 200 and more score 100, on a log scale. */
export const demandReviewsRange = { low: 1, high: 200 } as const;
/** Listings on offer: 50 or fewer is an open niche (100), 5 000 or more a crowded one (0), on a log scale. */
export const competitionSupplyRange = { low: 50, high: 5_000 } as const;
/** HHI 1 000 or below (unconcentrated) scores 100, 5 000 or above (a few sellers own it) 0, linearly between. */
export const concentrationHhiRange = { low: 1_000, high: 5_000 } as const;
/** Too few listings with a seller make any HHI high by chance: below this the component is left out. */
export const concentrationMinListings = 5;
/** Median ticket: 5 000 ₸ scores 0, 2 000 000 ₸ scores 100, on a log scale — more margin per lead. */
export const priceLevelRange = { low: 5_000, high: 2_000_000 } as const;
/** Listings posted per day: 0.1 scores 0, 20 and more score 100, on a log scale. */
export const freshnessPerDayRange = { low: 0.1, high: 20 } as const;
/** Share of listings promoted: 0 scores 0, 30 % and more score 100, linearly. */
export const promotionFullShare = 0.3;

/** Where x sits between low (0) and high (100) on a log scale, clamped. */
function logScale(x: number, range: { low: number; high: number }): number {
  if (x <= range.low) return 0;
  if (x >= range.high) return 100;
  return (100 * Math.log(x / range.low)) / Math.log(range.high / range.low);
}

/** Where x sits between low (0) and high (100) linearly, clamped. */
function linearScale(x: number, range: { low: number; high: number }): number {
  return Math.min(100, Math.max(0, (100 * (x - range.low)) / (range.high - range.low)));
}

type Rating = { value: number; inputs: Record<string, number | null> } | { excluded: string };

export interface NicheSummaries {
  supply: SupplySummary;
  prices: PriceSummary;
  sellers: SellerSummary;
  freshness: FreshnessSummary;
  demand: DemandSummary;
}

function rate(key: OpportunityComponentKey, summaries: NicheSummaries): Rating {
  const { supply, prices, sellers, freshness, demand } = summaries;
  switch (key) {
    case "demand": {
      const views = demand.views.median;
      const reviews = demand.reviews.median;
      const parts = [
        views === null ? null : logScale(views, demandViewsRange),
        reviews === null ? null : logScale(reviews, demandReviewsRange),
      ].filter((part): part is number => part !== null);
      if (parts.length === 0) return { excluded: "niche.excluded.no_views_or_reviews" };
      return {
        value: parts.reduce((sum, part) => sum + part, 0) / parts.length,
        inputs: {
          views_median: views,
          listings_with_views: demand.views.listings,
          reviews_median: reviews,
          listings_with_reviews: demand.reviews.listings,
        },
      };
    }
    case "competition":
      if (!supply.measured) return { excluded: "niche.excluded.supply_unknown" };
      return {
        value: 100 - logScale(supply.estimate, competitionSupplyRange),
        inputs: { supply_estimate: supply.estimate },
      };
    case "concentration":
      if (sellers.hhi === null || sellers.listings_with_seller < concentrationMinListings) {
        return { excluded: "niche.excluded.too_few_sellers" };
      }
      return {
        value: 100 - linearScale(sellers.hhi, concentrationHhiRange),
        inputs: { hhi: sellers.hhi, unique_sellers: sellers.unique_sellers },
      };
    case "price_level":
      if (prices.median === null) return { excluded: "niche.excluded.no_prices" };
      return {
        value: logScale(prices.median, priceLevelRange),
        inputs: { price_median_kzt: prices.median, prices: prices.count },
      };
    case "freshness":
      if (freshness.listings_per_day === null) return { excluded: "niche.excluded.no_dates" };
      return {
        value: logScale(freshness.listings_per_day, freshnessPerDayRange),
        inputs: { listings_per_day: freshness.listings_per_day, window_days: freshness.window_days },
      };
    case "promotion":
      if (demand.promoted.share === null) return { excluded: "niche.excluded.no_listings" };
      return {
        value: Math.min(100, (100 * demand.promoted.share) / promotionFullShare),
        inputs: { promoted_share: demand.promoted.share, promoted_listings: demand.promoted.listings },
      };
  }
}

/**
 * A 0..100 sense of how good the niche is to enter: strong demand, little and scattered competition, a high
 * ticket, an active and paying market. Each component rates one sign 0..100 and earns weight × value; a
 * component without data is left out and the others' weights are scaled up to add to 1 again. The total is the
 * rounded sum of the points; null when nothing could be rated.
 */
export function scoreNicheOpportunity(summaries: NicheSummaries): OpportunityScore {
  const rated = opportunityComponentKeys.map((key) => ({ key, rating: rate(key, summaries) }));
  const excluded: OpportunityScore["excluded"] = [];
  const included: { key: OpportunityComponentKey; value: number; inputs: Record<string, number | null> }[] =
    [];
  for (const { key, rating } of rated) {
    if ("excluded" in rating) excluded.push({ key, reason_key: rating.excluded });
    else included.push({ key, value: roundTo(rating.value, 1), inputs: rating.inputs });
  }
  const includedWeight = included.reduce((sum, { key }) => sum + opportunityWeights[key], 0);
  const components = included.map(({ key, value, inputs }): OpportunityComponent => {
    const weight = opportunityWeights[key] / includedWeight;
    return {
      key,
      label_key: `niche.component.${key}`,
      weight,
      base_weight: opportunityWeights[key],
      value,
      points: roundTo(weight * value, 2),
      inputs,
      explanation_key: `niche.component.${key}.explanation`,
    };
  });
  const sum = components.reduce((total, component) => total + component.weight * component.value, 0);
  return {
    total: components.length > 0 ? Math.min(100, Math.max(0, Math.round(sum))) : null,
    components,
    excluded,
  };
}
