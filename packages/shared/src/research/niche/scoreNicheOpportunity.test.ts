import { describe, expect, it } from "vitest";
import { buildNicheReport } from "./buildNicheReport.ts";
import { buildTestListing } from "./buildTestListing.ts";
import type { NicheInput } from "./nicheInput.ts";
import { opportunityWeights } from "./scoreNicheOpportunity.ts";

const dayMs = 86_400_000;
const collectedAt = "2024-06-30T12:00:00.000Z";

/**
 * 20 OLX ads of 10 sellers (2 each), all at 100 000 ₸ with 100 views, 3 promoted, posted 1..20 days ago; OLX
 * reports 500 results.
 */
function balancedNiche(views: number | null): NicheInput {
  return {
    query: "кондиционеры",
    city: "Алматы",
    collected_at: collectedAt,
    listings: Array.from({ length: 20 }, (_, index) =>
      buildTestListing({
        id: String(index),
        price_kzt: 100_000,
        seller: `Seller ${index % 10}`,
        promoted: index < 3,
        views,
        posted_at: new Date(Date.parse(collectedAt) - (index + 1) * dayMs).toISOString(),
      }),
    ),
    totals: [{ site: "olx", total: 500, pages_read: 1, blocked: false }],
  };
}

describe("scoreNicheOpportunity", () => {
  it("has weights that add up to 1", () => {
    const sum = Object.values(opportunityWeights).reduce((total, weight) => total + weight, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("rates each sign and adds weight × value", () => {
    const score = buildNicheReport(balancedNiche(100)).score;
    const values = Object.fromEntries(score.components.map((component) => [component.key, component.value]));
    expect(values).toEqual({
      // Median views 100 on the log scale 10..1 000: ln 10 / ln 100 = 0.5 → 50.
      demand: 50,
      // Supply 500 on 50..5 000: 0.5 of the way → 100 − 50 = 50.
      competition: 50,
      // Ten equal sellers: HHI 1 000 → 100.
      concentration: 100,
      // Median 100 000 ₸ on 5 000..2 000 000: ln 20 / ln 400 = 0.5 → 50.
      price_level: 50,
      // 20 listings over 20 days = 1 a day on 0.1..20: ln 10 / ln 200 = 0.4346 → 43.5.
      freshness: 43.5,
      // 3 of 20 promoted = 0.15 of the full 0.3 → 50.
      promotion: 50,
    });
    // 0.25×50 + 0.2×50 + 0.15×100 + 0.15×50 + 0.1×43.5 + 0.15×50 = 12.5 + 10 + 15 + 7.5 + 4.35 + 7.5 = 56.85 → 57.
    expect(score.total).toBe(57);
    expect(score.excluded).toEqual([]);
    expect(score.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 12);
    const demand = score.components.find((component) => component.key === "demand")!;
    expect(demand).toMatchObject({
      label_key: "niche.component.demand",
      explanation_key: "niche.component.demand.explanation",
      weight: 0.25,
      points: 12.5,
    });
    expect(demand.inputs.views_median).toBe(100);
  });

  it("leaves demand out without views or reviews and spreads its weight over the rest", () => {
    const score = buildNicheReport(balancedNiche(null)).score;
    expect(score.excluded).toEqual([{ key: "demand", reason_key: "niche.excluded.no_views_or_reviews" }]);
    expect(score.components.map((component) => component.key)).not.toContain("demand");
    expect(score.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 12);
    const competition = score.components.find((component) => component.key === "competition")!;
    // 0.2 of the 0.75 left.
    expect(competition.weight).toBeCloseTo(0.2 / 0.75, 12);
    expect(competition.base_weight).toBe(0.2);
    // (10 + 15 + 7.5 + 4.35 + 7.5) / 0.75 = 44.35 / 0.75 = 59.13 → 59.
    expect(score.total).toBe(59);
  });

  it("scores nothing when nothing could be rated", () => {
    const score = buildNicheReport({
      query: "q",
      city: null,
      collected_at: collectedAt,
      listings: [],
      totals: [],
    }).score;
    expect(score.total).toBeNull();
    expect(score.components).toEqual([]);
    expect(score.excluded.map((excluded) => excluded.key)).toEqual([
      "demand",
      "competition",
      "concentration",
      "price_level",
      "freshness",
      "promotion",
    ]);
  });
});
