import { describe, expect, it } from "vitest";
import { niceCeiling, scaleLinear } from "./scaleLinear.ts";

describe("scaleLinear", () => {
  it("maps the domain onto the range in proportion", () => {
    const x = scaleLinear([0, 200], [0, 400]);
    expect(x(0)).toBe(0);
    expect(x(50)).toBe(100);
    expect(x(200)).toBe(400);
  });

  it("flips for a range that runs upwards, as SVG heights do", () => {
    const y = scaleLinear([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
  });

  it("clamps values outside the domain, so nothing draws outside the chart", () => {
    const x = scaleLinear([0, 100], [0, 50]);
    expect(x(-20)).toBe(0);
    expect(x(500)).toBe(50);
  });

  it("puts everything at the start for an empty domain or a value that is not a number", () => {
    const x = scaleLinear([5, 5], [10, 90]);
    expect(x(5)).toBe(10);
    expect(scaleLinear([0, 1], [0, 10])(Number.NaN)).toBe(0);
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(10)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(180_000)).toBe(200_000);
    expect(niceCeiling(420_000)).toBe(500_000);
    expect(niceCeiling(0.3)).toBe(0.5);
  });

  it("gives 1 for nothing to show", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-3)).toBe(1);
    expect(niceCeiling(Number.POSITIVE_INFINITY)).toBe(1);
  });
});
