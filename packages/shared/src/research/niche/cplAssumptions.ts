import { z } from "zod";

/**
 * What the cost-per-lead model assumes. Every value can be given by the operator; the rest come from the niche's
 * own numbers where they were measured, else from the defaults below.
 */
export const cplAssumptionsSchema = z.object({
  /** What our own promoted ad costs per day: OLX.kz "ТОП" is about 1 500 ₸ a day. */
  olx_promotion_kzt_per_day: z.number().min(0).max(1e9),
  /** How many days the ad runs. */
  ad_days: z.number().int().min(1).max(365),
  /** Views an ordinary ad in the niche gets per day. */
  views_per_ad_per_day: z.number().min(0).max(1e9),
  /** Share of views that write or call (0..1]. */
  contact_rate: z.number().gt(0).max(1),
  /** Share of attention our ad keeps against the competing supply (0..1]. */
  competition_factor: z.number().gt(0).max(1),
  /** Share of contacts that pass qualification (0..1]. */
  qualification_rate: z.number().gt(0).max(1),
});
export type CplAssumptions = z.infer<typeof cplAssumptionsSchema>;

export const defaultOlxPromotionKztPerDay = 1_500;
export const defaultAdDays = 7;
/** Used when no listing shows both its views and its date. */
export const defaultViewsPerAdPerDay = 50;
export const defaultContactRate = 0.02;
export const defaultQualificationRate = 0.3;
/** Competing listings at which our ad keeps half of the attention: factor = 1 / (1 + supply / this). */
export const competitionHalfSupply = 1_000;
/** Supply assumed when no site could be read: 1 000 competing listings, a factor of 0.5. */
export const defaultCompetingSupply = 1_000;
/** The range reported around a lead's cost: the contact rate halved (high cost) and doubled (low cost). */
export const contactRateSpread = 2;
