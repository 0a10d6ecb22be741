import { normalizePhone } from "../phone/extractPhone.ts";
import { normalizeCity } from "../signals/extractCity.ts";
import type { Signals } from "../signals/extractSignals.ts";
import type { LlmExtraction, LlmIntent, LlmSentiment } from "./llmExtraction.ts";

export type MergedSignals = Signals & {
  need: string | null;
  intent: LlmIntent | null;
  sentiment: LlmSentiment | null;
};

/**
 * The rules' reading of a message with an LLM's laid over it: the LLM's value wins where it holds one that is
 * valid (a city this system knows, a phone number that normalises); otherwise the rules' value stays. Without
 * an LLM reading (it failed or took too long): the rules' values, and no need, intent or sentiment.
 */
export function mergeSignals(rules: Signals, llm: LlmExtraction | null): MergedSignals {
  if (llm === null) return { ...rules, need: null, intent: null, sentiment: null };
  return {
    language: llm.language ?? rules.language,
    city: (llm.city === null ? null : normalizeCity(llm.city)) ?? rules.city,
    budget_kzt: llm.budget_kzt ?? rules.budget_kzt,
    timeline_days: llm.timeline_days ?? rules.timeline_days,
    phone: (llm.phone === null ? null : normalizePhone(llm.phone)) ?? rules.phone,
    need: llm.need?.trim() || null,
    intent: llm.intent,
    sentiment: llm.sentiment,
  };
}
