import { z } from "zod";
import { languageSchema } from "../domain/enums.ts";
import { citySchema } from "../signals/kazakhstanCities.ts";
import { type QuestionKey, questionKeys } from "./qualificationScript.ts";

export const qualificationOutcomes = ["in_progress", "qualified", "disqualified", "needs_review"] as const;

/** What is known about the lead so far; null until told. */
export const qualificationFieldsSchema = z.object({
  need: z.string().nullable().default(null),
  budget_kzt: z.number().int().nullable().default(null),
  timeline_days: z.number().int().nullable().default(null),
  city: citySchema.nullable().default(null),
  phone: z.string().nullable().default(null),
});
export type QualificationFields = z.output<typeof qualificationFieldsSchema>;

/**
 * Where a conversation's qualification stands, stored as jsonb on the conversation. `{}` (a new conversation)
 * parses to the initial state.
 */
export const qualificationStateSchema = z.object({
  fields: qualificationFieldsSchema.default(() => ({
    need: null,
    budget_kzt: null,
    timeline_days: null,
    city: null,
    phone: null,
  })),
  /** How many times each question was asked. */
  asked: z.partialRecord(z.enum(questionKeys), z.number().int()).default(() => ({})),
  /** The question last asked, which the next message probably answers. */
  pending: z.enum(questionKeys).nullable().default(null),
  outcome: z.enum(qualificationOutcomes).default("in_progress"),
  /** The language of the lead's latest message. */
  language: languageSchema.nullable().default(null),
});
export type QualificationState = z.output<typeof qualificationStateSchema>;
export type QualificationOutcome = QualificationState["outcome"];

/** The field each question fills. */
export const questionFields = {
  need: "need",
  budget: "budget_kzt",
  timeline: "timeline_days",
  city: "city",
  phone: "phone",
} as const satisfies Record<QuestionKey, keyof QualificationFields>;
