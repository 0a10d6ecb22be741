import type { QualificationScript } from "./qualificationScript.ts";
import type { QualificationFields } from "./qualificationState.ts";

/** A limit of the script that a lead is outside of, whatever the score. */
export type HardLimitBreach = "below_minimum" | "not_served" | "too_late";

export function isBudgetBelowMinimum(script: QualificationScript, fields: QualificationFields): boolean {
  return (
    script.min_budget_kzt !== null && fields.budget_kzt !== null && fields.budget_kzt < script.min_budget_kzt
  );
}

export function isCityNotServed(script: QualificationScript, fields: QualificationFields): boolean {
  return script.cities.length > 0 && fields.city !== null && !script.cities.includes(fields.city);
}

export function isTimelineTooLate(script: QualificationScript, fields: QualificationFields): boolean {
  return (
    script.max_timeline_days !== null &&
    fields.timeline_days !== null &&
    fields.timeline_days > script.max_timeline_days
  );
}

/**
 * The first hard limit a lead breaks, or null: a known budget below the minimum, a known city the business does
 * not serve, a known timeline beyond the latest it accepts. Any of them disqualifies at once.
 */
export function checkHardLimits(
  script: QualificationScript,
  fields: QualificationFields,
): HardLimitBreach | null {
  if (isBudgetBelowMinimum(script, fields)) return "below_minimum";
  if (isCityNotServed(script, fields)) return "not_served";
  if (isTimelineTooLate(script, fields)) return "too_late";
  return null;
}
