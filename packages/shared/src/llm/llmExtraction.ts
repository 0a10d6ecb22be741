import { z } from "zod";
import { languageSchema } from "../domain/enums.ts";

/** What a lead's message is for. */
export const llmIntents = ["buy", "ask_price", "ask_info", "complaint", "spam", "other"] as const;
export const llmSentiments = ["positive", "neutral", "negative"] as const;
export type LlmIntent = (typeof llmIntents)[number];
export type LlmSentiment = (typeof llmSentiments)[number];

/**
 * What an LLM reads from a lead's message (its structured output, see `llmExtractionJsonSchema`). Parsed before
 * use; `mergeSignals` then checks the city and the phone again.
 */
export const llmExtractionSchema = z.object({
  language: languageSchema.nullable(),
  city: z.string().nullable(),
  budget_kzt: z.number().int().min(0).nullable(),
  timeline_days: z.number().int().min(0).nullable(),
  phone: z.string().nullable(),
  need: z.string().max(500).nullable(),
  intent: z.enum(llmIntents),
  sentiment: z.enum(llmSentiments),
});
export type LlmExtraction = z.infer<typeof llmExtractionSchema>;
