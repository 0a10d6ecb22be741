import { describe, expect, it } from "vitest";
import { qualificationStateSchema } from "./qualificationState.ts";

describe("qualificationStateSchema", () => {
  it("reads the '{}' a new conversation stores as the initial state", () => {
    expect(qualificationStateSchema.parse({})).toEqual({
      fields: { need: null, budget_kzt: null, timeline_days: null, city: null, phone: null },
      asked: {},
      pending: null,
      outcome: "in_progress",
      language: null,
    });
  });

  it("gives every initial state its own objects", () => {
    const first = qualificationStateSchema.parse({});
    first.fields.need = "диван";
    first.asked.need = 1;
    expect(qualificationStateSchema.parse({}).fields.need).toBeNull();
    expect(qualificationStateSchema.parse({}).asked).toEqual({});
  });

  it("round-trips through JSON", () => {
    const state = qualificationStateSchema.parse({
      fields: { need: "Кондиционер", budget_kzt: 300_000, city: "Almaty" },
      asked: { need: 1, budget: 2 },
      pending: "timeline",
      language: "kk",
    });
    expect(qualificationStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it("rejects what is not a state", () => {
    expect(qualificationStateSchema.safeParse({ pending: "color" }).success).toBe(false);
    expect(qualificationStateSchema.safeParse({ asked: { color: 1 } }).success).toBe(false);
    expect(qualificationStateSchema.safeParse({ fields: { city: "Moscow" } }).success).toBe(false);
    expect(qualificationStateSchema.safeParse({ outcome: "won" }).success).toBe(false);
  });
});
