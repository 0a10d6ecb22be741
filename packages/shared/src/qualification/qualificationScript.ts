import { z } from "zod";
import { normalizeCity } from "../signals/extractCity.ts";
import { citySchema } from "../signals/kazakhstanCities.ts";

/** What the bot can ask a lead about, each filling one field of the qualification state. */
export const questionKeys = ["need", "budget", "timeline", "city", "phone"] as const;
export type QuestionKey = (typeof questionKeys)[number];

/** A text in every language the bot speaks. */
export const localizedTextSchema = z.object({
  ru: z.string().min(1),
  kk: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const scriptQuestionSchema = z.object({
  key: z.enum(questionKeys),
  /** Points a full answer is worth; the weights of a script add up to 100. */
  weight: z.number().int().min(0).max(100),
  /** A lead is qualified only once every required question is answered. */
  required: z.boolean().default(true),
  text: localizedTextSchema,
  /** Buttons offered with the question; a value is what the answer means (tenge, days, a city's official name). */
  options: z
    .array(z.object({ value: z.string().min(1).max(48), label: localizedTextSchema }))
    .max(8)
    .optional(),
});
export type ScriptQuestion = z.output<typeof scriptQuestionSchema>;

/** Whether a button's value can be an answer to its question. */
function isValidOptionValue(key: QuestionKey, value: string): boolean {
  switch (key) {
    case "budget":
    case "timeline":
      return /^\d{1,12}$/u.test(value);
    case "city":
      return normalizeCity(value) !== null;
    case "need":
    case "phone":
      return true;
  }
}

/**
 * How a niche qualifies its leads: the questions in the order asked, the score thresholds and the hard limits
 * (minimum budget, latest timeline, cities served), and what the bot says.
 */
export const qualificationScriptSchema = z
  .object({
    questions: z.array(scriptQuestionSchema).min(1),
    qualify_at: z.number().int().min(0).max(100).default(70),
    disqualify_below: z.number().int().min(0).max(100).default(30),
    min_budget_kzt: z.number().int().min(0).nullable().default(null),
    max_timeline_days: z.number().int().min(1).nullable().default(null),
    /** Empty: every city is served. */
    cities: z.array(citySchema).default([]),
    texts: z.object({
      greeting: localizedTextSchema,
      qualified: localizedTextSchema,
      disqualified: localizedTextSchema,
      review: localizedTextSchema,
    }),
  })
  .superRefine((script, ctx) => {
    const seen = new Set<QuestionKey>();
    script.questions.forEach((question, index) => {
      if (seen.has(question.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "key"],
          message: `"${question.key}" is asked twice`,
        });
      }
      seen.add(question.key);
      question.options?.forEach((option, optionIndex) => {
        if (!isValidOptionValue(question.key, option.value)) {
          ctx.addIssue({
            code: "custom",
            path: ["questions", index, "options", optionIndex, "value"],
            message: `"${option.value}" is not an answer to "${question.key}"`,
          });
        }
      });
    });
    const weights = script.questions.reduce((sum, question) => sum + question.weight, 0);
    if (weights !== 100) {
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: `the weights add up to ${weights}, not 100`,
      });
    }
    if (script.disqualify_below > script.qualify_at) {
      ctx.addIssue({
        code: "custom",
        path: ["disqualify_below"],
        message: "disqualify_below must not be above qualify_at",
      });
    }
  });
export type QualificationScript = z.output<typeof qualificationScriptSchema>;
