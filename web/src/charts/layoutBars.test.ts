import { describe, expect, it } from "vitest";
import { layoutBars, shortenLabel } from "./layoutBars.ts";

const datum = (key: string, value: number) => ({ key, label: key, value, valueLabel: String(value) });

describe("layoutBars", () => {
  it("stacks the rows and draws each bar in proportion to its value", () => {
    const rows = layoutBars([datum("a", 0.5), datum("b", 0.25), datum("c", 1)], {
      max: 1,
      trackWidth: 200,
      rowHeight: 24,
      top: 4,
    });
    expect(rows.map((row) => row.y)).toEqual([4, 28, 52]);
    expect(rows.map((row) => row.barWidth)).toEqual([100, 50, 200]);
  });

  it("never draws a negative bar or one longer than the track", () => {
    const rows = layoutBars([datum("a", -3), datum("b", 7)], { max: 5, trackWidth: 100, rowHeight: 20 });
    expect(rows.map((row) => row.barWidth)).toEqual([0, 100]);
  });

  it("draws nothing when the maximum is zero", () => {
    const rows = layoutBars([datum("a", 0)], { max: 0, trackWidth: 100, rowHeight: 20 });
    expect(rows[0]?.barWidth).toBe(0);
  });
});

describe("shortenLabel", () => {
  it("keeps short labels and cuts long ones with an ellipsis", () => {
    expect(shortenLabel("Климат Сервис", 20)).toBe("Климат Сервис");
    expect(shortenLabel("ТОО «Климат Сервис Алматы»", 12)).toBe("ТОО «Климат…");
    expect(Array.from(shortenLabel("ТОО «Климат Сервис Алматы»", 12)).length).toBeLessThanOrEqual(12);
  });
});
