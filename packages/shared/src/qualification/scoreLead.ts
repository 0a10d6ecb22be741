import { isBudgetBelowMinimum, isCityNotServed, isTimelineTooLate } from "./checkHardLimits.ts";
import type { QualificationScript, QuestionKey } from "./qualificationScript.ts";
import { type QualificationFields, questionFields } from "./qualificationState.ts";

/** Why a question scored what it did: stable codes the dashboard translates. */
export const scoreReasons = [
  "answered",
  "missing",
  "below_minimum",
  "not_served",
  "too_late",
  "within_week",
  "within_month",
  "within_quarter",
  "later",
] as const;
export type ScoreReason = (typeof scoreReasons)[number];

export interface ScoreComponent {
  key: QuestionKey;
  points: number;
  /** The question's weight. */
  max: number;
  reason: ScoreReason;
  value: string | number | null;
}

export interface LeadScore {
  /** 0–100: the sum of the components' points. */
  total: number;
  components: ScoreComponent[];
}

/** The share of a question's weight an answer earns, and why. */
function rate(script: QualificationScript, key: QuestionKey, fields: QualificationFields) {
  const value = fields[questionFields[key]];
  if (value === null) return { share: 0, reason: "missing" as const };
  switch (key) {
    case "budget":
      return isBudgetBelowMinimum(script, fields)
        ? { share: 0, reason: "below_minimum" as const }
        : { share: 1, reason: "answered" as const };
    case "timeline": {
      const days = fields.timeline_days ?? 0;
      if (isTimelineTooLate(script, fields)) return { share: 0, reason: "too_late" as const };
      if (days <= 7) return { share: 1, reason: "within_week" as const };
      if (days <= 31) return { share: 0.75, reason: "within_month" as const };
      if (days <= 92) return { share: 0.5, reason: "within_quarter" as const };
      return { share: 0.25, reason: "later" as const };
    }
    case "city":
      return isCityNotServed(script, fields)
        ? { share: 0, reason: "not_served" as const }
        : { share: 1, reason: "answered" as const };
    case "need":
    case "phone":
      return { share: 1, reason: "answered" as const };
  }
}

/**
 * Scores what is known about a lead against a script: each question earns its weight when answered, nothing when
 * missing or outside the script's limits (budget below the minimum, a city not served, a timeline beyond the
 * latest); a timeline earns all of it within a week, 75 % within a month, 50 % within a quarter, 25 % later.
 */
export function scoreLead(script: QualificationScript, fields: QualificationFields): LeadScore {
  const components = script.questions.map((question): ScoreComponent => {
    const { share, reason } = rate(script, question.key, fields);
    return {
      key: question.key,
      points: Math.round(question.weight * share),
      max: question.weight,
      reason,
      value: fields[questionFields[question.key]],
    };
  });
  const total = components.reduce((sum, component) => sum + component.points, 0);
  return { total: Math.min(100, Math.max(0, total)), components };
}
