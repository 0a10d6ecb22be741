import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { summarizePrices } from "./summarizePrices.ts";

describe("summarizePrices", () => {
  it("gives quantiles, mean and Tukey outliers in whole tenge", () => {
    // 100, 110 … 190 and 1 000: n = 11, h = 10q. p25 h 2.5 → 125; median h 5 → 150; p75 h 7.5 → 175.
    // IQR 50, fences 125 − 75 = 50 and 175 + 75 = 250: 1 000 is a high outlier. Mean 2 450 / 11 = 222.7 → 223.
    const prices = [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 1_000];
    const summary = summarizePrices(prices.map((price_kzt) => buildTestListing({ price_kzt })));
    expect(summary).toMatchObject({
      count: 11,
      min: 100,
      p25: 125,
      median: 150,
      p75: 175,
      max: 1_000,
      mean: 223,
    });
    expect(summary.outliers).toEqual({ low: 0, high: 1 });
    expect(summary.histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(11);
  });

  it("rounds an interpolated median half up to whole tenge", () => {
    // Median of 1 000 and 1 001 is 1 000.5 → 1 001.
    const summary = summarizePrices([1_000, 1_001].map((price_kzt) => buildTestListing({ price_kzt })));
    expect(summary.median).toBe(1_001);
  });

  it("leaves out prices in another currency and prices of zero, and counts them", () => {
    const summary = summarizePrices([
      buildTestListing({ price_kzt: 150_000 }),
      buildTestListing({ price_kzt: 150_000, currency: "kzt" }),
      buildTestListing({ price_kzt: 300, currency: "USD" }),
      buildTestListing({ price_kzt: 0 }),
      buildTestListing({ price_kzt: null }),
    ]);
    expect(summary.count).toBe(2);
    expect(summary.dropped_other_currency).toBe(1);
    expect(summary.dropped_not_positive).toBe(1);
    expect(summary.max).toBe(150_000);
  });

  it("gives each site's median", () => {
    const summary = summarizePrices([
      buildTestListing({ site: "olx", price_kzt: 100_000 }),
      buildTestListing({ site: "olx", price_kzt: 200_000 }),
      buildTestListing({ site: "kaspi", price_kzt: 250_000 }),
      buildTestListing({ site: "satu", price_kzt: null }),
    ]);
    expect(summary.by_site).toEqual([
      { site: "olx", count: 2, median: 150_000 },
      { site: "kaspi", count: 1, median: 250_000 },
      { site: "satu", count: 0, median: null },
    ]);
  });

  it("has nulls, not zeros, without prices", () => {
    const summary = summarizePrices([buildTestListing()]);
    expect(summary).toMatchObject({ count: 0, min: null, median: null, max: null, mean: null });
    expect(summary.histogram.bins).toEqual([]);
  });
});
