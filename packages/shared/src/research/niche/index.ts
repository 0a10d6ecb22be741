export {
  buildHistogram,
  type Histogram,
  type HistogramBin,
  type HistogramOptions,
} from "./buildHistogram.ts";
export { buildNicheReport, fewPricesBelow } from "./buildNicheReport.ts";
export {
  type ComparisonUnit,
  compareNiches,
  type NicheComparison,
  type NicheComparisonRow,
} from "./compareNiches.ts";
export {
  type CplAssumptions,
  competitionHalfSupply,
  contactRateSpread,
  cplAssumptionsSchema,
  defaultAdDays,
  defaultCompetingSupply,
  defaultContactRate,
  defaultOlxPromotionKztPerDay,
  defaultQualificationRate,
  defaultViewsPerAdPerDay,
} from "./cplAssumptions.ts";
export { dedupeListings } from "./dedupeListings.ts";
export { competitionFactorFor, estimateCostPerLead, measureViewsPerAdPerDay } from "./estimateCostPerLead.ts";
export { herfindahl } from "./herfindahl.ts";
export {
  maxFigure,
  type NicheInput,
  type NicheListing,
  type NicheSite,
  type NicheSiteTotal,
  nicheInputSchema,
  nicheListingSchema,
  nicheSites,
  nicheSiteTotalSchema,
} from "./nicheInput.ts";
export {
  type CostPerLead,
  costPerLeadSchema,
  type DemandSummary,
  type FreshnessSummary,
  type NicheReport,
  type NicheWarning,
  type NicheWarningCode,
  nicheReportSchema,
  nicheWarningCodes,
  type OpportunityComponent,
  type OpportunityComponentKey,
  type OpportunityScore,
  opportunityComponentKeys,
  type PriceSummary,
  type SellerSummary,
  type StatedAssumption,
  type SupplySummary,
} from "./nicheReport.ts";
export { median, quantile } from "./quantile.ts";
export { opportunityWeights, scoreNicheOpportunity } from "./scoreNicheOpportunity.ts";
