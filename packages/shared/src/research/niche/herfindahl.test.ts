import { describe, expect, it } from "vitest";
import { herfindahl } from "./herfindahl.ts";

describe("herfindahl", () => {
  it("is 10 000 for one seller and 2 500 for four equal sellers", () => {
    expect(herfindahl([1])).toBe(10_000);
    // 4 × 25² = 2 500.
    expect(herfindahl([0.25, 0.25, 0.25, 0.25])).toBe(2_500);
  });

  it("sums the squared percentage shares", () => {
    // 50² + 30² + 20² = 2 500 + 900 + 400 = 3 800.
    expect(herfindahl([0.5, 0.3, 0.2])).toBeCloseTo(3_800, 9);
    expect(herfindahl([])).toBe(0);
  });
});
