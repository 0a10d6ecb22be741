import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { summarizeSellers } from "./summarizeSellers.ts";

describe("summarizeSellers", () => {
  it("ranks sellers and measures concentration over the listings with a known seller", () => {
    // A 4, B 3, C 2, D 1 of 10 known: shares 0.4, 0.3, 0.2, 0.1; HHI 40² + 30² + 20² + 10² = 3 000.
    const names = ["A", "A", "A", "A", "B", "B", "B", "C", "C", "D"];
    const listings = [
      ...names.map((seller) => buildTestListing({ seller })),
      buildTestListing({ seller: null }),
      buildTestListing({ seller: "  " }),
    ];
    const sellers = summarizeSellers(listings);
    expect(sellers.listings_with_seller).toBe(10);
    expect(sellers.listings_without_seller).toBe(2);
    expect(sellers.unique_sellers).toBe(4);
    expect(sellers.top).toEqual([
      { seller: "A", listings: 4, share: 0.4 },
      { seller: "B", listings: 3, share: 0.3 },
      { seller: "C", listings: 2, share: 0.2 },
      { seller: "D", listings: 1, share: 0.1 },
    ]);
    expect([sellers.top1_share, sellers.top3_share, sellers.top5_share]).toEqual([0.4, 0.9, 1]);
    expect(sellers.hhi).toBe(3_000);
  });

  it("counts one seller however the name is spaced or capitalised, across sites", () => {
    const sellers = summarizeSellers([
      buildTestListing({ site: "olx", seller: "ИП  Данабай" }),
      buildTestListing({ site: "kaspi", seller: "ип данабай" }),
    ]);
    expect(sellers.unique_sellers).toBe(1);
    expect(sellers.top).toEqual([{ seller: "ИП Данабай", listings: 2, share: 1 }]);
    expect(sellers.hhi).toBe(10_000);
  });

  it("shares business and private over listings whose seller type is shown", () => {
    // 3 business, 1 private, 2 unknown: business 3/4 = 0.75.
    const types = ["business", "business", "business", "private", null, null] as const;
    const sellers = summarizeSellers(types.map((seller_type) => buildTestListing({ seller_type })));
    expect(sellers.seller_type).toEqual({ known: 4, unknown: 2, business_share: 0.75, private_share: 0.25 });
  });

  it("has nulls, not zeros, without sellers", () => {
    const sellers = summarizeSellers([buildTestListing()]);
    expect(sellers).toMatchObject({ unique_sellers: 0, top1_share: null, hhi: null, top: [] });
    expect(sellers.seller_type.business_share).toBeNull();
  });
});
