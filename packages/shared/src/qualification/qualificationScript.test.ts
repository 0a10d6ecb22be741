import { describe, expect, it } from "vitest";
import { defaultQualificationScript } from "./defaultQualificationScript.ts";
import { qualificationScriptSchema } from "./qualificationScript.ts";

const text = { ru: "Вопрос", kk: "Сұрақ", en: "Question" };
const texts = { greeting: text, qualified: text, disqualified: text, review: text };

describe("qualificationScriptSchema", () => {
  it("accepts the default script as it is", () => {
    expect(qualificationScriptSchema.parse(defaultQualificationScript)).toEqual(defaultQualificationScript);
  });

  it("asks need, budget, timeline, city and phone by default, weighted 30/25/20/10/15", () => {
    expect(defaultQualificationScript.questions.map((question) => [question.key, question.weight])).toEqual([
      ["need", 30],
      ["budget", 25],
      ["timeline", 20],
      ["city", 10],
      ["phone", 15],
    ]);
  });

  it("fills in thresholds, limits and required flags left out", () => {
    const script = qualificationScriptSchema.parse({
      questions: [
        { key: "need", weight: 60, text },
        { key: "phone", weight: 40, text, required: false },
      ],
      texts,
    });
    expect(script).toMatchObject({
      qualify_at: 70,
      disqualify_below: 30,
      min_budget_kzt: null,
      max_timeline_days: null,
      cities: [],
    });
    expect(script.questions.map((question) => question.required)).toEqual([true, false]);
  });

  it("rejects weights that do not add up to 100", () => {
    const result = qualificationScriptSchema.safeParse({
      questions: [
        { key: "need", weight: 50, text },
        { key: "phone", weight: 40, text },
      ],
      texts,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("90");
  });

  it("rejects a question asked twice", () => {
    const result = qualificationScriptSchema.safeParse({
      questions: [
        { key: "need", weight: 50, text },
        { key: "need", weight: 50, text },
      ],
      texts,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["questions", 1, "key"]);
  });

  it("rejects a disqualifying threshold above the qualifying one", () => {
    const result = qualificationScriptSchema.safeParse({
      questions: [{ key: "need", weight: 100, text }],
      qualify_at: 40,
      disqualify_below: 50,
      texts,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["disqualify_below"]);
  });

  it("rejects buttons whose value is no answer to the question", () => {
    const label = { ru: "Да", kk: "Иә", en: "Yes" };
    const result = qualificationScriptSchema.safeParse({
      questions: [
        { key: "timeline", weight: 50, text, options: [{ value: "soon", label }] },
        { key: "city", weight: 50, text, options: [{ value: "Moscow", label }] },
      ],
      texts,
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ["questions", 0, "options", 0, "value"],
      ["questions", 1, "options", 0, "value"],
    ]);
  });

  it("rejects a city outside the list and a text missing a language", () => {
    expect(
      qualificationScriptSchema.safeParse({
        questions: [{ key: "need", weight: 100, text }],
        cities: ["Moscow"],
        texts,
      }).success,
    ).toBe(false);
    expect(
      qualificationScriptSchema.safeParse({
        questions: [{ key: "need", weight: 100, text: { ru: "Что нужно?", kk: "", en: "What?" } }],
        texts,
      }).success,
    ).toBe(false);
  });
});
