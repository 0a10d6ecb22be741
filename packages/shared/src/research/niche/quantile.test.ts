import { describe, expect, it } from "vitest";
import { median, quantile } from "./quantile.ts";

describe("quantile", () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it("interpolates between the closest ranks of 1..10", () => {
    // h = (n − 1)·q = 9q: q 0.25 → h 2.25 → 3 + 0.25 × (4 − 3) = 3.25; q 0.5 → h 4.5 → 5.5; q 0.75 → h 6.75 → 7.75.
    expect(quantile(oneToTen, 0)).toBe(1);
    expect(quantile(oneToTen, 0.25)).toBe(3.25);
    expect(quantile(oneToTen, 0.5)).toBe(5.5);
    expect(quantile(oneToTen, 0.75)).toBe(7.75);
    expect(quantile(oneToTen, 1)).toBe(10);
  });

  it("takes the middle value of an odd set and interpolates an even one", () => {
    // Odd [1, 1, 3, 4, 5]: h = 4q → p25 at rank 1 = 1, median at rank 2 = 3, p75 at rank 3 = 4.
    const odd = [1, 1, 3, 4, 5];
    expect([quantile(odd, 0.25), quantile(odd, 0.5), quantile(odd, 0.75)]).toEqual([1, 3, 4]);
    // Even [10, 20, 30, 40]: h = 3q → p25 h 0.75 → 17.5; median h 1.5 → 25; p75 h 2.25 → 32.5.
    const even = [10, 20, 30, 40];
    expect([quantile(even, 0.25), quantile(even, 0.5), quantile(even, 0.75)]).toEqual([17.5, 25, 32.5]);
  });

  it("has no quantile of nothing, and one value is every quantile", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.1)).toBe(7);
  });

  it("refuses a q outside 0..1", () => {
    expect(() => quantile(oneToTen, 1.5)).toThrow(RangeError);
    expect(() => quantile(oneToTen, Number.NaN)).toThrow(RangeError);
  });

  it("sorts before taking a median", () => {
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});
