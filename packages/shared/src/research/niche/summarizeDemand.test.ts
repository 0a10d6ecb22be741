import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { summarizeDemand } from "./summarizeDemand.ts";

describe("summarizeDemand", () => {
  it("sums and takes medians of views and reviews where shown, and the promoted share of all listings", () => {
    const demand = summarizeDemand([
      buildTestListing({ site: "olx", views: 120, promoted: true }),
      buildTestListing({ site: "olx", views: 30 }),
      buildTestListing({ site: "olx", views: 50 }),
      buildTestListing({ site: "kaspi", reviews: 326 }),
      buildTestListing({ site: "kaspi", reviews: 0 }),
    ]);
    expect(demand).toEqual({
      views: { listings: 3, sum: 200, median: 50 },
      // Median of 0 and 326 = 163.
      reviews: { listings: 2, sum: 326, median: 163 },
      promoted: { listings: 1, share: 0.2 },
    });
  });

  it("has nulls without listings", () => {
    expect(summarizeDemand([])).toEqual({
      views: { listings: 0, sum: null, median: null },
      reviews: { listings: 0, sum: null, median: null },
      promoted: { listings: 0, share: null },
    });
  });
});
