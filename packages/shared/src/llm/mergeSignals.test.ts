import { describe, expect, it } from "vitest";
import type { Signals } from "../signals/extractSignals.ts";
import { type LlmExtraction, llmExtractionSchema } from "./llmExtraction.ts";
import { mergeSignals } from "./mergeSignals.ts";

const rules: Signals = {
  language: "ru",
  city: "Almaty",
  budget_kzt: 300_000,
  timeline_days: 7,
  phone: "+77011234567",
};
const nothing: LlmExtraction = {
  language: null,
  city: null,
  budget_kzt: null,
  timeline_days: null,
  phone: null,
  need: null,
  intent: "other",
  sentiment: "neutral",
};

describe("mergeSignals", () => {
  it("keeps the rules' values when there is no LLM reading", () => {
    expect(mergeSignals(rules, null)).toEqual({ ...rules, need: null, intent: null, sentiment: null });
  });

  it("lets the LLM's valid values win", () => {
    const llm: LlmExtraction = {
      language: "kk",
      city: "Нур-Султан",
      budget_kzt: 450_000,
      timeline_days: 14,
      phone: "8 777 123 45 67",
      need: "  Диван-кровать  ",
      intent: "buy",
      sentiment: "positive",
    };
    expect(mergeSignals(rules, llm)).toEqual({
      language: "kk",
      city: "Astana",
      budget_kzt: 450_000,
      timeline_days: 14,
      phone: "+77771234567",
      need: "Диван-кровать",
      intent: "buy",
      sentiment: "positive",
    });
  });

  it("falls back to the rules where the LLM has nothing or something invalid", () => {
    expect(mergeSignals(rules, { ...nothing, city: "Moscow", phone: "not a number", need: "  " })).toEqual({
      ...rules,
      need: null,
      intent: "other",
      sentiment: "neutral",
    });
  });

  it("takes what only the LLM found", () => {
    const empty: Signals = { language: "ru", city: null, budget_kzt: null, timeline_days: null, phone: null };
    expect(mergeSignals(empty, { ...nothing, city: "Shymkent", budget_kzt: 1_000_000 })).toMatchObject({
      city: "Shymkent",
      budget_kzt: 1_000_000,
    });
  });
});

describe("llmExtractionSchema", () => {
  it("rejects output that breaks its contract", () => {
    expect(llmExtractionSchema.safeParse(nothing).success).toBe(true);
    expect(llmExtractionSchema.safeParse({ ...nothing, budget_kzt: -5 }).success).toBe(false);
    expect(llmExtractionSchema.safeParse({ ...nothing, budget_kzt: 1.5 }).success).toBe(false);
    expect(llmExtractionSchema.safeParse({ ...nothing, intent: "order" }).success).toBe(false);
    expect(llmExtractionSchema.safeParse({ ...nothing, language: "de" }).success).toBe(false);
    expect(llmExtractionSchema.safeParse({ ...nothing, need: "x".repeat(501) }).success).toBe(false);
    const { sentiment: _omitted, ...missing } = nothing;
    expect(llmExtractionSchema.safeParse(missing).success).toBe(false);
  });
});
