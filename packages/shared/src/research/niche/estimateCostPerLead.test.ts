import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { dedupeListings } from "./dedupeListings.ts";
import { estimateCostPerLead, measureViewsPerAdPerDay } from "./estimateCostPerLead.ts";
import { summarizeSupply } from "./summarizeSupply.ts";

const supplyOf = (total: number | null) =>
  summarizeSupply(
    dedupeListings([]),
    total === null ? [] : [{ site: "olx", total, pages_read: 1, blocked: false }],
  );

describe("estimateCostPerLead", () => {
  it("prices a lead from the stated assumptions", () => {
    // Supply 1 000 → competition factor 1 / (1 + 1 000 / 1 000) = 0.5.
    // Spend 1 500 × 7 = 10 500 ₸; views 100 × 7 × 0.5 = 350; contacts 350 × 2 % = 7 → 10 500 / 7 = 1 500 ₸.
    // At 4 %: 14 contacts → 750 ₸; at 1 %: 3.5 → 3 000 ₸. Qualified (30 %): 2.1 → 5 000 ₸, 4.2 → 2 500, 1.05 → 10 000.
    const cost = estimateCostPerLead({
      given: {
        olx_promotion_kzt_per_day: 1_500,
        ad_days: 7,
        views_per_ad_per_day: 100,
        contact_rate: 0.02,
        qualification_rate: 0.3,
      },
      supply: supplyOf(1_000),
      measured_views_per_ad_per_day: null,
    });
    expect(cost).toMatchObject({
      spend_kzt: 10_500,
      expected_views: 350,
      expected_contacts: 7,
      expected_qualified: 2.1,
      cpl_kzt: 1_500,
      cpl_low_kzt: 750,
      cpl_high_kzt: 3_000,
      qualified_cpl_kzt: 5_000,
      qualified_cpl_low_kzt: 2_500,
      qualified_cpl_high_kzt: 10_000,
    });
    expect(cost.assumptions).toEqual([
      { key: "olx_promotion_kzt_per_day", value: 1_500, unit: "kzt_per_day", source: "given" },
      { key: "ad_days", value: 7, unit: "days", source: "given" },
      { key: "views_per_ad_per_day", value: 100, unit: "views_per_day", source: "given" },
      { key: "contact_rate", value: 0.02, unit: "share", source: "given" },
      { key: "contact_rate_low", value: 0.01, unit: "share", source: "given" },
      { key: "contact_rate_high", value: 0.04, unit: "share", source: "given" },
      { key: "competition_factor", value: 0.5, unit: "share", source: "measured" },
      { key: "qualification_rate", value: 0.3, unit: "share", source: "given" },
    ]);
  });

  it("falls back to the defaults and says so", () => {
    // Nothing measured: 50 views a day, factor 0.5 (1 000 competitors assumed), 2 %: 50 × 7 × 0.5 × 0.02 = 3.5
    // contacts for 10 500 ₸ → 3 000 ₸.
    const cost = estimateCostPerLead({
      given: undefined,
      supply: supplyOf(null),
      measured_views_per_ad_per_day: null,
    });
    expect(cost.cpl_kzt).toBe(3_000);
    expect(cost.assumptions.every((assumption) => assumption.source === "default")).toBe(true);
  });

  it("uses the views measured in the niche", () => {
    const cost = estimateCostPerLead({
      given: { competition_factor: 1 },
      supply: supplyOf(0),
      measured_views_per_ad_per_day: 75,
    });
    // 75 × 7 × 1 × 0.02 = 10.5 contacts → 10 500 / 10.5 = 1 000 ₸.
    expect(cost.cpl_kzt).toBe(1_000);
    expect(cost.assumptions.find((assumption) => assumption.key === "views_per_ad_per_day")).toEqual({
      key: "views_per_ad_per_day",
      value: 75,
      unit: "views_per_day",
      source: "measured",
    });
  });

  it("gives no cost per lead when the ad would get no views", () => {
    const cost = estimateCostPerLead({
      given: { views_per_ad_per_day: 0 },
      supply: supplyOf(10),
      measured_views_per_ad_per_day: null,
    });
    expect(cost.cpl_kzt).toBeNull();
    expect(cost.qualified_cpl_high_kzt).toBeNull();
  });
});

describe("measureViewsPerAdPerDay", () => {
  it("takes the median of views per day of age, counting at least one day", () => {
    // 300 views in 3 days = 100/day; 50 views in half a day = 50/day (one day at least); 1 000 in 20 days = 50/day.
    const collectedAt = "2024-06-30T12:00:00Z";
    const listings = [
      buildTestListing({ views: 300, posted_at: "2024-06-27T12:00:00Z" }),
      buildTestListing({ views: 50, posted_at: "2024-06-30T00:00:00Z" }),
      buildTestListing({ views: 1_000, posted_at: "2024-06-10T12:00:00Z" }),
      buildTestListing({ views: 5_000, posted_at: null }),
    ];
    expect(measureViewsPerAdPerDay(listings, collectedAt)).toBe(50);
    expect(measureViewsPerAdPerDay([buildTestListing({ views: 10 })], collectedAt)).toBeNull();
  });
});
