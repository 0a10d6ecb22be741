import { defaultQualificationScript } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { readScriptDraft, readWholeNumber, sumOfWeights, toScriptDraft } from "./scriptDraft.ts";

const draft = () => toScriptDraft(defaultQualificationScript);

describe("readWholeNumber", () => {
  it("reads digits with or without group spaces", () => {
    expect(readWholeNumber("1500000")).toBe(1_500_000);
    expect(readWholeNumber("1 500 000")).toBe(1_500_000);
    expect(readWholeNumber("1\u202f500")).toBe(1500);
  });

  it("refuses fractions, signs and words", () => {
    expect(readWholeNumber("1.5")).toBeNull();
    expect(readWholeNumber("-3")).toBeNull();
    expect(readWholeNumber("много")).toBeNull();
    expect(readWholeNumber("")).toBeNull();
  });
});

describe("readScriptDraft", () => {
  it("gives back the script it was made from", () => {
    const result = readScriptDraft(draft());
    expect(result).toEqual({ ok: true, script: defaultQualificationScript });
  });

  it("stores edited limits, cities and texts, and empty limits as none", () => {
    const edited = draft();
    edited.minBudgetKzt = "150 000";
    edited.maxTimelineDays = "30";
    edited.cities = ["Almaty", "Astana"];
    edited.texts.greeting.kk = "  Сәлем!  ";
    const result = readScriptDraft(edited);
    expect(result.ok && result.script).toMatchObject({
      min_budget_kzt: 150_000,
      max_timeline_days: 30,
      cities: ["Almaty", "Astana"],
      texts: { greeting: { kk: "Сәлем!" } },
    });
    edited.minBudgetKzt = " ";
    const cleared = readScriptDraft(edited);
    expect(cleared.ok && cleared.script.min_budget_kzt).toBeNull();
  });

  it("keeps a question's buttons, which the editor does not change", () => {
    const result = readScriptDraft(draft());
    const timeline = result.ok ? result.script.questions.find((q) => q.key === "timeline") : undefined;
    expect(timeline?.options).toHaveLength(4);
  });

  it("says what the weights add up to when it is not 100", () => {
    const edited = draft();
    const first = edited.questions[0];
    if (first) first.weight = "40";
    expect(sumOfWeights(edited)).toBe(110);
    expect(readScriptDraft(edited)).toEqual({
      ok: false,
      problems: [{ path: ["questions"], problem: "weights_sum", detail: "110" }],
    });
  });

  it("points at every number that is not a whole number", () => {
    const edited = draft();
    edited.qualifyAt = "семьдесят";
    const second = edited.questions[1];
    if (second) second.weight = "2.5";
    const result = readScriptDraft(edited);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: ["qualify_at"], problem: "whole_number" },
      { path: ["questions", 1, "weight"], problem: "whole_number" },
    ]);
  });

  it("refuses a disqualify threshold above the qualify threshold", () => {
    const edited = draft();
    edited.disqualifyBelow = "80";
    const result = readScriptDraft(edited);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: ["disqualify_below"], problem: "thresholds_order" },
    ]);
  });

  it("says which translation is missing", () => {
    const edited = draft();
    const phone = edited.questions[4];
    if (phone) phone.text.kk = "   ";
    edited.texts.review.en = "";
    const result = readScriptDraft(edited);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: ["questions", 4, "text", "kk"], problem: "text_missing" },
      { path: ["texts", "review", "en"], problem: "text_missing" },
    ]);
  });

  it("refuses a threshold above 100", () => {
    const edited = draft();
    edited.qualifyAt = "120";
    const result = readScriptDraft(edited);
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.problem])).toEqual([
      [["qualify_at"], "out_of_range"],
    ]);
  });
});
