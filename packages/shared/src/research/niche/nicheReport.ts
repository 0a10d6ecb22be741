import { z } from "zod";
import { nicheSites } from "./nicheInput.ts";

/**
 * The niche report as stored (JSON in Postgres) and read back by the dashboard. Money is whole tenge, shares are
 * 0..1, every number is finite; what could not be measured is null, never 0 or NaN.
 */

const count = z.number().int().min(0);
const tenge = z.number().int();
const share = z.number().min(0).max(1);
const site = z.enum(nicheSites);

export const supplySiteSchema = z.object({
  site,
  /** Listings read on the site, after de-duplication. */
  read: count,
  /** Results the site reports for the query; null when it does not say. */
  reported_total: count.nullable(),
  pages_read: count,
  blocked: z.boolean(),
  promoted: count,
  /** What the site adds to the supply estimate: its reported total, or what was read when it did not say. */
  estimate: count,
  estimate_basis: z.enum(["reported", "read"]),
});
export type SupplySite = z.infer<typeof supplySiteSchema>;

export const supplySummarySchema = z.object({
  /** Listings read on every site after de-duplication by site and site id (not by title, seller and price). */
  listings_read: count,
  duplicates_dropped: count,
  listings_without_id: count,
  /** The sum over sites of the reported total where known, else the listings read. */
  estimate: count,
  /** At least one site was read (a page not blocked, or a listing). Without it the supply is unknown. */
  measured: z.boolean(),
  sites: z.array(supplySiteSchema),
});
export type SupplySummary = z.infer<typeof supplySummarySchema>;

export const histogramSchema = z.object({
  step: z.number().positive().nullable(),
  bins: z.array(z.object({ from: z.number(), to: z.number(), count })),
  clamped_low: count,
  clamped_high: count,
});

export const priceSummarySchema = z.object({
  /** Listings with a tenge price above zero. */
  count,
  dropped_other_currency: count,
  dropped_not_positive: count,
  min: tenge.nullable(),
  p25: tenge.nullable(),
  median: tenge.nullable(),
  p75: tenge.nullable(),
  max: tenge.nullable(),
  mean: tenge.nullable(),
  /** Prices beyond 1.5 × the interquartile range below the 25th or above the 75th percentile. */
  outliers: z.object({ low: count, high: count }),
  histogram: histogramSchema,
  by_site: z.array(z.object({ site, count, median: tenge.nullable() })),
});
export type PriceSummary = z.infer<typeof priceSummarySchema>;

export const sellerSummarySchema = z.object({
  listings_with_seller: count,
  listings_without_seller: count,
  unique_sellers: count,
  /** The ten sellers with the most listings; share of the listings with a known seller. */
  top: z.array(z.object({ seller: z.string(), listings: count, share })),
  top1_share: share.nullable(),
  top3_share: share.nullable(),
  top5_share: share.nullable(),
  /** Herfindahl–Hirschman index over sellers' listing shares, 0..10 000. */
  hhi: z.number().int().min(0).max(10_000).nullable(),
  seller_type: z.object({
    known: count,
    unknown: count,
    business_share: share.nullable(),
    private_share: share.nullable(),
  }),
});
export type SellerSummary = z.infer<typeof sellerSummarySchema>;

export const freshnessSummarySchema = z.object({
  dated: count,
  undated: count,
  /** Days from the oldest listing posted within the last 30 days to the collection, at least 1. */
  window_days: z.number().min(1).max(30).nullable(),
  listings_in_window: count.nullable(),
  listings_per_day: z.number().min(0).nullable(),
  share_last_7_days: share.nullable(),
  median_age_days: z.number().min(0).nullable(),
});
export type FreshnessSummary = z.infer<typeof freshnessSummarySchema>;

const engagementSchema = z.object({
  /** Listings that show the figure. */
  listings: count,
  /** Whole views or reviews; may exceed the safe-integer range on absurd input, so not checked as one. */
  sum: z.number().min(0).nullable(),
  median: count.nullable(),
});

export const demandSummarySchema = z.object({
  views: engagementSchema,
  /** Kaspi's reviews stand for purchases. */
  reviews: engagementSchema,
  promoted: z.object({ listings: count, share: share.nullable() }),
});
export type DemandSummary = z.infer<typeof demandSummarySchema>;

export const opportunityComponentKeys = [
  "demand",
  "competition",
  "concentration",
  "price_level",
  "freshness",
  "promotion",
] as const;
export type OpportunityComponentKey = (typeof opportunityComponentKeys)[number];

export const opportunityComponentSchema = z.object({
  key: z.enum(opportunityComponentKeys),
  label_key: z.string(),
  /** The component's share of the score after excluded components' weights were spread over the others. */
  weight: share,
  /** The weight before any component was excluded. */
  base_weight: share,
  value: z.number().min(0).max(100),
  /** weight × value. */
  points: z.number().min(0).max(100),
  /** The numbers the value was computed from. */
  inputs: z.record(z.string(), z.number().nullable()),
  explanation_key: z.string(),
});
export type OpportunityComponent = z.infer<typeof opportunityComponentSchema>;

export const opportunityScoreSchema = z.object({
  /** 0..100, the rounded sum of the components' points; null when no component had data. */
  total: z.number().int().min(0).max(100).nullable(),
  components: z.array(opportunityComponentSchema),
  excluded: z.array(z.object({ key: z.enum(opportunityComponentKeys), reason_key: z.string() })),
});
export type OpportunityScore = z.infer<typeof opportunityScoreSchema>;

export const assumptionSources = ["default", "measured", "given"] as const;
export const cplAssumptionKeys = [
  "olx_promotion_kzt_per_day",
  "ad_days",
  "views_per_ad_per_day",
  "contact_rate",
  "contact_rate_low",
  "contact_rate_high",
  "competition_factor",
  "qualification_rate",
] as const;

export const statedAssumptionSchema = z.object({
  key: z.enum(cplAssumptionKeys),
  value: z.number().min(0),
  unit: z.enum(["kzt_per_day", "days", "views_per_day", "share"]),
  source: z.enum(assumptionSources),
});
export type StatedAssumption = z.infer<typeof statedAssumptionSchema>;

export const costPerLeadSchema = z.object({
  /** The model the figures come from, for the dashboard to explain. */
  model_key: z.literal("niche.cpl.model.olx_promotion"),
  spend_kzt: tenge.min(0),
  expected_views: z.number().min(0),
  expected_contacts: z.number().min(0),
  expected_qualified: z.number().min(0),
  /** Per contact (a raw lead); null when the model expects no contact at all. */
  cpl_kzt: tenge.min(0).nullable(),
  /** At the doubled contact rate. */
  cpl_low_kzt: tenge.min(0).nullable(),
  /** At the halved contact rate. */
  cpl_high_kzt: tenge.min(0).nullable(),
  qualified_cpl_kzt: tenge.min(0).nullable(),
  qualified_cpl_low_kzt: tenge.min(0).nullable(),
  qualified_cpl_high_kzt: tenge.min(0).nullable(),
  assumptions: z.array(statedAssumptionSchema),
});
export type CostPerLead = z.infer<typeof costPerLeadSchema>;

export const nicheWarningCodes = [
  "no_listings",
  "few_prices",
  "site_blocked",
  "no_dates",
  "mixed_currencies_dropped",
  "no_sellers",
  "no_views",
] as const;
export type NicheWarningCode = (typeof nicheWarningCodes)[number];

export const nicheWarningSchema = z.object({
  code: z.enum(nicheWarningCodes),
  /** The site concerned, for site-level warnings. */
  site: site.nullable(),
  /** The number behind the warning (prices found, listings dropped), when there is one. */
  count: count.nullable(),
});
export type NicheWarning = z.infer<typeof nicheWarningSchema>;

export const nicheReportSchema = z.object({
  version: z.literal(1),
  query: z.string(),
  city: z.string().nullable(),
  collected_at: z.string(),
  supply: supplySummarySchema,
  prices: priceSummarySchema,
  sellers: sellerSummarySchema,
  freshness: freshnessSummarySchema,
  demand: demandSummarySchema,
  score: opportunityScoreSchema,
  cost_per_lead: costPerLeadSchema,
  warnings: z.array(nicheWarningSchema),
});
export type NicheReport = z.infer<typeof nicheReportSchema>;
