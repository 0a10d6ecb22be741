import { dedupeListings } from "./dedupeListings.ts";
import { estimateCostPerLead, measureViewsPerAdPerDay } from "./estimateCostPerLead.ts";
import { type NicheInput, nicheInputSchema } from "./nicheInput.ts";
import type { NicheReport, NicheWarning } from "./nicheReport.ts";
import { scoreNicheOpportunity } from "./scoreNicheOpportunity.ts";
import { summarizeDemand } from "./summarizeDemand.ts";
import { summarizeFreshness } from "./summarizeFreshness.ts";
import { summarizePrices } from "./summarizePrices.ts";
import { summarizeSellers } from "./summarizeSellers.ts";
import { summarizeSupply } from "./summarizeSupply.ts";

/** Below this many prices the quantiles and the chart say little. */
export const fewPricesBelow = 10;

/**
 * The niche report from what the scraper read: supply, prices, sellers, freshness, demand, an opportunity score
 * and a cost-per-lead estimate, with warnings where the data is thin. The input is parsed first (a ZodError means
 * the caller passed something it should not have); the report never holds NaN or Infinity.
 */
export function buildNicheReport(rawInput: NicheInput): NicheReport {
  const input = nicheInputSchema.parse(rawInput);
  const deduped = dedupeListings(input.listings);
  const { listings } = deduped;
  const supply = summarizeSupply(deduped, input.totals);
  const prices = summarizePrices(listings);
  const sellers = summarizeSellers(listings);
  const freshness = summarizeFreshness(listings, input.collected_at);
  const demand = summarizeDemand(listings);
  const score = scoreNicheOpportunity({ supply, prices, sellers, freshness, demand });
  const costPerLead = estimateCostPerLead({
    given: input.assumptions,
    supply,
    measured_views_per_ad_per_day: measureViewsPerAdPerDay(listings, input.collected_at),
  });

  const warnings: NicheWarning[] = [];
  const warn = (code: NicheWarning["code"], count: number | null = null, site: NicheWarning["site"] = null) =>
    warnings.push({ code, site, count });
  if (listings.length === 0) warn("no_listings", 0);
  for (const site of supply.sites) if (site.blocked) warn("site_blocked", site.read, site.site);
  if (prices.count < fewPricesBelow) warn("few_prices", prices.count);
  if (prices.dropped_other_currency > 0) warn("mixed_currencies_dropped", prices.dropped_other_currency);
  if (listings.length > 0 && freshness.dated === 0) warn("no_dates", 0);
  if (listings.length > 0 && sellers.listings_with_seller === 0) warn("no_sellers", 0);
  if (listings.length > 0 && demand.views.listings === 0 && demand.reviews.listings === 0)
    warn("no_views", 0);

  return {
    version: 1,
    query: input.query,
    city: input.city,
    collected_at: input.collected_at,
    supply,
    prices,
    sellers,
    freshness,
    demand,
    score,
    cost_per_lead: costPerLead,
    warnings,
  };
}
