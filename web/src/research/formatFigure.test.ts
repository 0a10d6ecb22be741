import { describe, expect, it } from "vitest";
import { formatTenge } from "../format/formatTenge.ts";
import { formatFigure } from "./formatFigure.ts";

/** Intl separates groups and the percent sign with (narrow) no-break spaces; tests compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatFigure", () => {
  it("writes tenge as whole tenge", () => {
    expect(formatFigure(180_000, "kzt", "ru-KZ")).toBe(formatTenge(180_000));
  });

  it("writes shares as percentages, with a decimal below 10 %", () => {
    expect(plain(formatFigure(0.34, "share", "ru-KZ"))).toBe("34 %");
    expect(formatFigure(0.045, "share", "en-GB")).toBe("4.5%");
    expect(formatFigure(0, "share", "en-GB")).toBe("0%");
  });

  it("writes counts whole and rates with one decimal", () => {
    expect(plain(formatFigure(1523, "count", "ru-KZ"))).toBe("1 523");
    expect(formatFigure(2.345, "per_day", "en-GB")).toBe("2.3");
    expect(formatFigure(2862.4, "hhi", "en-GB")).toBe("2,862");
  });

  it("shows a dash for what was not measured", () => {
    expect(formatFigure(null, "kzt", "ru-KZ")).toBe("—");
    expect(formatFigure(Number.NaN, "count", "ru-KZ")).toBe("—");
  });
});
