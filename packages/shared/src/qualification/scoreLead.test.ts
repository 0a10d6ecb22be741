import { describe, expect, it } from "vitest";
import { defaultQualificationScript } from "./defaultQualificationScript.ts";
import type { QualificationScript } from "./qualificationScript.ts";
import type { QualificationFields } from "./qualificationState.ts";
import { scoreLead } from "./scoreLead.ts";

const empty: QualificationFields = {
  need: null,
  budget_kzt: null,
  timeline_days: null,
  city: null,
  phone: null,
};
const full: QualificationFields = {
  need: "Кондиционер",
  budget_kzt: 300_000,
  timeline_days: 7,
  city: "Almaty",
  phone: "+77011234567",
};
const strict: QualificationScript = {
  ...defaultQualificationScript,
  min_budget_kzt: 500_000,
  max_timeline_days: 31,
  cities: ["Astana"],
};

describe("scoreLead", () => {
  it("gives nothing for an unknown lead", () => {
    const score = scoreLead(defaultQualificationScript, empty);
    expect(score.total).toBe(0);
    expect(score.components.map((component) => component.reason)).toEqual([
      "missing",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
  });

  it("gives every weight to a lead who answered everything within a week", () => {
    expect(scoreLead(defaultQualificationScript, full)).toEqual({
      total: 100,
      components: [
        { key: "need", points: 30, max: 30, reason: "answered", value: "Кондиционер" },
        { key: "budget", points: 25, max: 25, reason: "answered", value: 300_000 },
        { key: "timeline", points: 20, max: 20, reason: "within_week", value: 7 },
        { key: "city", points: 10, max: 10, reason: "answered", value: "Almaty" },
        { key: "phone", points: 15, max: 15, reason: "answered", value: "+77011234567" },
      ],
    });
  });

  it.each([
    [1, 20, "within_week"],
    [8, 15, "within_month"],
    [31, 15, "within_month"],
    [62, 10, "within_quarter"],
    [92, 10, "within_quarter"],
    [183, 5, "later"],
  ] as const)("scores a timeline of %d days %d of 20 (%s)", (days, points, reason) => {
    const timeline = scoreLead(defaultQualificationScript, { ...full, timeline_days: days }).components[2];
    expect(timeline).toMatchObject({ points, reason });
  });

  it("gives nothing for what is outside the script's limits", () => {
    const score = scoreLead(strict, { ...full, budget_kzt: 300_000, timeline_days: 62, city: "Almaty" });
    expect(score.components.map((component) => [component.reason, component.points])).toEqual([
      ["answered", 30],
      ["below_minimum", 0],
      ["too_late", 0],
      ["not_served", 0],
      ["answered", 15],
    ]);
    expect(score.total).toBe(45);
  });

  it("gives full weight at the limits themselves", () => {
    const score = scoreLead(strict, { ...full, budget_kzt: 500_000, timeline_days: 31, city: "Astana" });
    expect(score.total).toBe(95);
  });

  it("rounds each component to whole points", () => {
    const script: QualificationScript = {
      ...defaultQualificationScript,
      questions: [
        { ...defaultQualificationScript.questions[2]!, weight: 33 },
        { ...defaultQualificationScript.questions[0]!, weight: 67 },
      ],
    };
    const score = scoreLead(script, { ...full, timeline_days: 20 });
    expect(score.components.map((component) => component.points)).toEqual([25, 67]);
    expect(score.total).toBe(92);
  });
});
