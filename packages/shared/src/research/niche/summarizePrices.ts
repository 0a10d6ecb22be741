import { buildHistogram } from "./buildHistogram.ts";
import { type NicheListing, nicheSites } from "./nicheInput.ts";
import type { PriceSummary } from "./nicheReport.ts";
import { quantile, sortAscending } from "./quantile.ts";
import { roundOrNull } from "./roundTo.ts";

/** The chart's bin count range; prices are whole tenge so a bin is never narrower than 1 ₸. */
export const priceHistogramMinBins = 8;
export const priceHistogramMaxBins = 20;
/** Tukey's fences: beyond 1.5 interquartile ranges outside the middle half a price is an outlier. */
export const outlierIqrMultiple = 1.5;

/** The caller passed a currency and it is not tenge. */
function isOtherCurrency(listing: NicheListing): boolean {
  return listing.currency != null && listing.currency.trim().toUpperCase() !== "KZT";
}

/** The listing's price in tenge when it has a usable one: a positive tenge price. */
export function readTengePrice(listing: NicheListing): number | null {
  if (listing.price_kzt === null || isOtherCurrency(listing)) return null;
  return listing.price_kzt > 0 ? listing.price_kzt : null;
}

/**
 * What the niche charges: quantiles by linear interpolation between the closest ranks, rounded to whole tenge
 * (half up); a chart over the 1st–99th percentile with nice edges; outliers by Tukey's rule; a median per site.
 * Prices in another currency and prices of zero or less ("Бесплатно", "Обмен") are left out and counted.
 */
export function summarizePrices(listings: readonly NicheListing[]): PriceSummary {
  const prices: number[] = [];
  let droppedOtherCurrency = 0;
  let droppedNotPositive = 0;
  for (const listing of listings) {
    if (listing.price_kzt === null) continue;
    if (isOtherCurrency(listing)) {
      droppedOtherCurrency += 1;
      continue;
    }
    if (listing.price_kzt <= 0) {
      droppedNotPositive += 1;
      continue;
    }
    prices.push(listing.price_kzt);
  }
  const sorted = sortAscending(prices);
  const p25 = quantile(sorted, 0.25);
  const p75 = quantile(sorted, 0.75);
  let outliersLow = 0;
  let outliersHigh = 0;
  if (p25 !== null && p75 !== null) {
    const spread = (p75 - p25) * outlierIqrMultiple;
    outliersLow = sorted.filter((price) => price < p25 - spread).length;
    outliersHigh = sorted.filter((price) => price > p75 + spread).length;
  }
  const bySite = nicheSites
    .map((site) => {
      const sitePrices = sortAscending(
        listings
          .filter((listing) => listing.site === site)
          .map(readTengePrice)
          .filter((price): price is number => price !== null),
      );
      return { site, count: sitePrices.length, median: roundOrNull(quantile(sitePrices, 0.5)) };
    })
    .filter((site) => listings.some((listing) => listing.site === site.site));
  return {
    count: sorted.length,
    dropped_other_currency: droppedOtherCurrency,
    dropped_not_positive: droppedNotPositive,
    min: roundOrNull(quantile(sorted, 0)),
    p25: roundOrNull(p25),
    median: roundOrNull(quantile(sorted, 0.5)),
    p75: roundOrNull(p75),
    max: roundOrNull(quantile(sorted, 1)),
    mean:
      sorted.length > 0 ? Math.round(sorted.reduce((sum, price) => sum + price, 0) / sorted.length) : null,
    outliers: { low: outliersLow, high: outliersHigh },
    histogram: buildHistogram(sorted, {
      minBins: priceHistogramMinBins,
      maxBins: priceHistogramMaxBins,
      minStep: 1,
    }),
    by_site: bySite,
  };
}
