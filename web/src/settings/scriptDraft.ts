import {
  type CityName,
  type QualificationScript,
  type QuestionKey,
  qualificationScriptSchema,
} from "@arqan/shared";

/** A text being edited in each language the bot speaks. */
export interface LocalizedDraft {
  ru: string;
  kk: string;
  en: string;
}

export const scriptTextKeys = ["greeting", "qualified", "disqualified", "review"] as const;
export type ScriptTextKey = (typeof scriptTextKeys)[number];

export interface QuestionDraft {
  key: QuestionKey;
  /** As typed. */
  weight: string;
  required: boolean;
  text: LocalizedDraft;
  /** Kept as stored: the editor does not change a question's buttons. */
  options: QualificationScript["questions"][number]["options"];
}

/** A qualification script as the editor holds it: numbers as typed, so a half-typed value is not lost. */
export interface ScriptDraft {
  qualifyAt: string;
  disqualifyBelow: string;
  /** Empty: no minimum. */
  minBudgetKzt: string;
  /** Empty: no limit. */
  maxTimelineDays: string;
  /** Empty: every city is served. */
  cities: CityName[];
  questions: QuestionDraft[];
  texts: Record<ScriptTextKey, LocalizedDraft>;
}

/** Where a problem is (a path into the script, as in its JSON) and what it is. */
export interface ScriptProblem {
  path: (string | number)[];
  problem:
    | "whole_number"
    | "weights_sum"
    | "thresholds_order"
    | "out_of_range"
    | "text_missing"
    | "repeated_question"
    | "invalid";
  /** The weights' sum, the range's limits, or the schema's own words for `invalid`. */
  detail?: string;
}

const copy = (text: LocalizedDraft): LocalizedDraft => ({ ...text });
/** Blank space is no text: a whitespace-only translation counts as missing. */
const trimmed = (text: LocalizedDraft): LocalizedDraft => ({
  ru: text.ru.trim(),
  kk: text.kk.trim(),
  en: text.en.trim(),
});

/** The editor's copy of a script. */
export function toScriptDraft(script: QualificationScript): ScriptDraft {
  return {
    qualifyAt: String(script.qualify_at),
    disqualifyBelow: String(script.disqualify_below),
    minBudgetKzt: script.min_budget_kzt === null ? "" : String(script.min_budget_kzt),
    maxTimelineDays: script.max_timeline_days === null ? "" : String(script.max_timeline_days),
    cities: [...script.cities],
    questions: script.questions.map((question) => ({
      key: question.key,
      weight: String(question.weight),
      required: question.required,
      text: copy(question.text),
      options: question.options,
    })),
    texts: {
      greeting: copy(script.texts.greeting),
      qualified: copy(script.texts.qualified),
      disqualified: copy(script.texts.disqualified),
      review: copy(script.texts.review),
    },
  };
}

/** A whole number as typed ("1 500 000" and "1500000" alike), or null when it is not one. */
export function readWholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d{1,15}$/.test(compact)) return null;
  return Number(compact);
}

/** The sum of the weights typed so far, counting what is not a number as 0 (shown beside the questions). */
export function sumOfWeights(draft: ScriptDraft): number {
  return draft.questions.reduce((sum, question) => sum + (readWholeNumber(question.weight) ?? 0), 0);
}

/**
 * Checks the draft and turns it into a script: numbers must be whole, the weights must add up to 100, the
 * thresholds must be in order, and everything else as `qualificationScriptSchema` (packages/shared) requires.
 * Returns every problem found, each with where it is.
 */
export function readScriptDraft(
  draft: ScriptDraft,
): { ok: true; script: QualificationScript } | { ok: false; problems: ScriptProblem[] } {
  const problems: ScriptProblem[] = [];
  const whole = (path: (string | number)[], text: string, optional: boolean): number | null => {
    if (optional && text.trim() === "") return null;
    const value = readWholeNumber(text);
    if (value === null) problems.push({ path, problem: "whole_number" });
    return value;
  };
  const qualifyAt = whole(["qualify_at"], draft.qualifyAt, false);
  const disqualifyBelow = whole(["disqualify_below"], draft.disqualifyBelow, false);
  const minBudget = whole(["min_budget_kzt"], draft.minBudgetKzt, true);
  const maxTimeline = whole(["max_timeline_days"], draft.maxTimelineDays, true);
  const weights = draft.questions.map((question, index) =>
    whole(["questions", index, "weight"], question.weight, false),
  );
  if (weights.every((weight) => weight !== null)) {
    const sum = weights.reduce<number>((total, weight) => total + (weight ?? 0), 0);
    if (sum !== 100) problems.push({ path: ["questions"], problem: "weights_sum", detail: String(sum) });
  }
  if (qualifyAt !== null && disqualifyBelow !== null && disqualifyBelow > qualifyAt) {
    problems.push({ path: ["disqualify_below"], problem: "thresholds_order" });
  }
  if (problems.length > 0) return { ok: false, problems };

  const candidate = {
    questions: draft.questions.map((question, index) => ({
      key: question.key,
      weight: weights[index],
      required: question.required,
      text: trimmed(question.text),
      ...(question.options === undefined ? {} : { options: question.options }),
    })),
    qualify_at: qualifyAt,
    disqualify_below: disqualifyBelow,
    min_budget_kzt: minBudget,
    max_timeline_days: maxTimeline,
    cities: draft.cities,
    texts: {
      greeting: trimmed(draft.texts.greeting),
      qualified: trimmed(draft.texts.qualified),
      disqualified: trimmed(draft.texts.disqualified),
      review: trimmed(draft.texts.review),
    },
  };
  const parsed = qualificationScriptSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, script: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue): ScriptProblem => {
      const path = issue.path.filter((part) => typeof part !== "symbol");
      const last = path.at(-1);
      if (issue.code === "too_small" && (last === "ru" || last === "kk" || last === "en")) {
        return { path, problem: "text_missing" };
      }
      if (issue.code === "too_small" || issue.code === "too_big") {
        return { path, problem: "out_of_range", detail: issue.message };
      }
      if (issue.code === "custom" && last === "key") return { path, problem: "repeated_question" };
      return { path, problem: "invalid", detail: issue.message };
    }),
  };
}
