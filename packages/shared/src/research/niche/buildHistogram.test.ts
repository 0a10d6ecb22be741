import { describe, expect, it } from "vitest";
import { buildHistogram, type Histogram } from "./buildHistogram.ts";

const priceBins = { minBins: 8, maxBins: 20, minStep: 1 };

function expectNiceEdges(histogram: Histogram) {
  const step = histogram.step!;
  const exponent = Math.floor(Math.log10(step));
  const mantissa = Math.round(step / 10 ** exponent);
  expect([1, 2, 5]).toContain(mantissa);
  for (const bin of histogram.bins) {
    expect(Math.abs(bin.from / step - Math.round(bin.from / step))).toBeLessThan(1e-9);
    expect(bin.to - bin.from).toBeCloseTo(step, 9);
  }
}

describe("buildHistogram", () => {
  it("spreads 1..100 over ten bins of 10 with every value counted once", () => {
    // p1 = 1 + 99 × 0.01 = 1.99, p99 = 99.01. Step 5 gives 0..100 in 20 bins, step 10 in 10, step 20 in 5 (too
    // few); 10 is nearest √(8 × 20) ≈ 12.6. Bins [0,10) … [90,100]: 1–9 → 9, ten in each middle bin, 90–100 → 11.
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    const histogram = buildHistogram(values, priceBins);
    expect(histogram.step).toBe(10);
    expect(histogram.bins.map((bin) => bin.count)).toEqual([9, 10, 10, 10, 10, 10, 10, 10, 10, 11]);
    expect(histogram.bins[0]).toEqual({ from: 0, to: 10, count: 9 });
    expect(histogram.bins[9]).toEqual({ from: 90, to: 100, count: 11 });
    expect(histogram.clamped_low + histogram.clamped_high).toBe(0);
    expectNiceEdges(histogram);
  });

  it("keeps an extreme price from squeezing the chart: it lands in the last bin, counted as clamped", () => {
    // 1..100 plus 1 000 000: n = 101, p1 at rank 1 = 2, p99 at rank 99 = 100 → the same ten bins of 10.
    const values = [...Array.from({ length: 100 }, (_, index) => index + 1), 1_000_000];
    const histogram = buildHistogram(values, priceBins);
    expect(histogram.step).toBe(10);
    expect(histogram.bins).toHaveLength(10);
    expect(histogram.bins[9]!.count).toBe(12);
    expect(histogram.clamped_high).toBe(1);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(101);
  });

  it("has nice edges and counts that add up for realistic tenge prices", () => {
    const prices = [
      89_990, 95_000, 120_000, 135_500, 149_990, 155_000, 160_000, 189_000, 210_000, 249_990, 265_000,
      310_000, 350_000, 420_000, 1_250_000,
    ];
    const histogram = buildHistogram(prices, priceBins);
    expect(histogram.bins.length).toBeGreaterThanOrEqual(8);
    expect(histogram.bins.length).toBeLessThanOrEqual(20);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(prices.length);
    expectNiceEdges(histogram);
  });

  it("draws one bin for equal prices", () => {
    // Range 0: the step is a nice tenth of the price (500 for 5 000), one bin [5 000, 5 500).
    expect(buildHistogram([5_000, 5_000, 5_000], priceBins)).toEqual({
      step: 500,
      bins: [{ from: 5_000, to: 5_500, count: 3 }],
      clamped_low: 0,
      clamped_high: 0,
    });
  });

  it("never draws bins narrower than the minimum step", () => {
    // 100..103 ₸ span three 1 ₸ steps: fewer bins than asked rather than half-tenge edges.
    const histogram = buildHistogram([100, 101, 102, 103], priceBins);
    expect(histogram.step).toBe(1);
    expect(histogram.bins.map((bin) => bin.count)).toEqual([1, 1, 2]);
  });

  it("writes fractional edges without floating-point dust", () => {
    const values = Array.from({ length: 21 }, (_, index) => index * 0.05);
    const histogram = buildHistogram(values, { minBins: 8, maxBins: 20 });
    for (const bin of histogram.bins) {
      expect(bin.from).toBe(Number(bin.from.toFixed(6)));
      expect(bin.to).toBe(Number(bin.to.toFixed(6)));
    }
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(21);
  });

  it("is empty for no values", () => {
    expect(buildHistogram([], priceBins)).toEqual({ step: null, bins: [], clamped_low: 0, clamped_high: 0 });
  });
});
