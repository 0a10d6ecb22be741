import { z } from "zod";
import { languageSchema } from "../domain/enums.ts";
import { detectLanguage } from "../language/detectLanguage.ts";
import { extractPhone } from "../phone/extractPhone.ts";
import { extractBudget } from "./extractBudget.ts";
import { extractCity } from "./extractCity.ts";
import { extractTimeline } from "./extractTimeline.ts";
import { citySchema } from "./kazakhstanCities.ts";

/** What one message tells about a lead, read by rules (no LLM). */
export const signalsSchema = z.object({
  language: languageSchema,
  city: citySchema.nullable(),
  /** Whole tenge; a range's upper bound. */
  budget_kzt: z.number().int().min(0).nullable(),
  /** Upper bound in days from now. */
  timeline_days: z.number().int().min(0).nullable(),
  /** E.164. */
  phone: z.string().nullable(),
});
export type Signals = z.infer<typeof signalsSchema>;

/** Reads a lead's message: its language (Russian when it has no letters), city, budget, timeline and phone. */
export function extractSignals(text: string): Signals {
  return {
    language: detectLanguage(text) ?? "ru",
    city: extractCity(text),
    budget_kzt: extractBudget(text),
    timeline_days: extractTimeline(text),
    phone: extractPhone(text),
  };
}
