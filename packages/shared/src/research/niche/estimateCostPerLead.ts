import {
  type CplAssumptions,
  competitionHalfSupply,
  contactRateSpread,
  defaultAdDays,
  defaultCompetingSupply,
  defaultContactRate,
  defaultOlxPromotionKztPerDay,
  defaultQualificationRate,
  defaultViewsPerAdPerDay,
} from "./cplAssumptions.ts";
import type { NicheListing } from "./nicheInput.ts";
import type { CostPerLead, StatedAssumption, SupplySummary } from "./nicheReport.ts";
import { median } from "./quantile.ts";
import { roundTo } from "./roundTo.ts";

const dayMs = 86_400_000;

/** A measured figure stated with four significant digits (never rounded down to zero). */
function statedFigure(value: number): number {
  return Number(value.toPrecision(4));
}

/**
 * Views an ordinary ad in the niche gets per day: the median over listings that show both their views and their
 * date of views ÷ age in days (at least one day). Null when no listing shows both. OLX dates a raised ad by its
 * last raise, which makes it look younger and its daily views higher than they were.
 */
export function measureViewsPerAdPerDay(
  listings: readonly NicheListing[],
  collectedAt: string,
): number | null {
  const collected = Date.parse(collectedAt);
  const perDay: number[] = [];
  for (const listing of listings) {
    if (listing.views === null || listing.posted_at === null) continue;
    const posted = Date.parse(listing.posted_at);
    if (!Number.isFinite(posted) || !Number.isFinite(collected)) continue;
    perDay.push(listing.views / Math.max(1, (collected - posted) / dayMs));
  }
  return median(perDay);
}

/** The competition factor for a supply: 1 / (1 + supply / 1 000), one half at 1 000 competing listings. */
export function competitionFactorFor(supply: number): number {
  return 1 / (1 + supply / competitionHalfSupply);
}

/** Whole tenge, or null when the cost is unbounded (no contact expected). */
function costPer(spend: number, outcomes: number): number | null {
  if (!(outcomes > 0)) return null;
  const cost = Math.round(spend / outcomes);
  return Number.isSafeInteger(cost) ? cost : null;
}

export interface CostPerLeadInput {
  given: Partial<CplAssumptions> | undefined;
  supply: SupplySummary;
  /** Views per ad per day measured in the niche; null when unknown. */
  measured_views_per_ad_per_day: number | null;
}

/**
 * What a lead might cost if we find leads by running our own promoted ad on OLX for the niche: we pay the
 * promotion every day; the ad is seen as often as an ordinary ad in the niche (measured, else 50 views a day),
 * scaled down by the competing supply (our share of attention is 1 / (1 + supply / 1 000)); a share of viewers
 * writes (2 %), a share of those qualifies (30 %).
 *   cost per lead = promotion per day × days ÷ (views per day × days × competition factor × contact rate)
 * and per qualified lead ÷ the qualification rate as well. The range doubles and halves the contact rate
 * (1–4 % by default). Measured ad views already reflect the crowd, so the competition factor is a cautious extra.
 */
export function estimateCostPerLead(input: CostPerLeadInput): CostPerLead {
  const given = input.given ?? {};
  const stated: StatedAssumption[] = [];
  function state(
    key: StatedAssumption["key"],
    unit: StatedAssumption["unit"],
    givenValue: number | undefined,
    fallback: { value: number; source: "default" | "measured" },
  ): number {
    const assumption =
      givenValue === undefined
        ? { key, value: fallback.value, unit, source: fallback.source }
        : { key, value: givenValue, unit, source: "given" as const };
    stated.push(assumption);
    return assumption.value;
  }
  const measuredViews = input.measured_views_per_ad_per_day;
  const perDay = state("olx_promotion_kzt_per_day", "kzt_per_day", given.olx_promotion_kzt_per_day, {
    value: defaultOlxPromotionKztPerDay,
    source: "default",
  });
  const days = state("ad_days", "days", given.ad_days, { value: defaultAdDays, source: "default" });
  const viewsPerDay = state(
    "views_per_ad_per_day",
    "views_per_day",
    given.views_per_ad_per_day,
    measuredViews === null
      ? { value: defaultViewsPerAdPerDay, source: "default" }
      : { value: statedFigure(measuredViews), source: "measured" },
  );
  const contactRate = state("contact_rate", "share", given.contact_rate, {
    value: defaultContactRate,
    source: "default",
  });
  const contactSource = given.contact_rate === undefined ? "default" : "given";
  const contactRateLow = contactRate / contactRateSpread;
  const contactRateHigh = Math.min(1, contactRate * contactRateSpread);
  stated.push(
    { key: "contact_rate_low", value: contactRateLow, unit: "share", source: contactSource },
    { key: "contact_rate_high", value: contactRateHigh, unit: "share", source: contactSource },
  );
  const competitionFactor = state(
    "competition_factor",
    "share",
    given.competition_factor,
    input.supply.measured
      ? { value: statedFigure(competitionFactorFor(input.supply.estimate)), source: "measured" }
      : { value: competitionFactorFor(defaultCompetingSupply), source: "default" },
  );
  const qualificationRate = state("qualification_rate", "share", given.qualification_rate, {
    value: defaultQualificationRate,
    source: "default",
  });

  const spend = perDay * days;
  const views = viewsPerDay * days * competitionFactor;
  const contacts = views * contactRate;
  const qualified = contacts * qualificationRate;
  return {
    model_key: "niche.cpl.model.olx_promotion",
    spend_kzt: Math.round(spend),
    expected_views: roundTo(views, 2),
    expected_contacts: roundTo(contacts, 2),
    expected_qualified: roundTo(qualified, 2),
    cpl_kzt: costPer(spend, contacts),
    cpl_low_kzt: costPer(spend, views * contactRateHigh),
    cpl_high_kzt: costPer(spend, views * contactRateLow),
    qualified_cpl_kzt: costPer(spend, qualified),
    qualified_cpl_low_kzt: costPer(spend, views * contactRateHigh * qualificationRate),
    qualified_cpl_high_kzt: costPer(spend, views * contactRateLow * qualificationRate),
    assumptions: stated,
  };
}
