import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildNicheReport } from "./buildNicheReport.ts";
import { buildTestListing } from "./buildTestListing.ts";
import { type NicheInput, type NicheListing, nicheSites } from "./nicheInput.ts";
import { type NicheReport, nicheReportSchema } from "./nicheReport.ts";

const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
const collectedAt = "2024-06-30T12:00:00.000Z";

/** Stored as JSON and read back through the schema, the report is unchanged: no NaN, Infinity or undefined. */
function expectStorable(report: NicheReport) {
  const stored: unknown = JSON.parse(JSON.stringify(report));
  expect(nicheReportSchema.parse(stored)).toEqual(report);
}

/** The cards of a real Kaspi category page (laptops, Almaty, Nov 2022) as the niche maths gets them. */
function readKaspiLaptops(): NicheInput {
  const grid = z
    .object({
      total: z.number().int(),
      cards: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          unitPrice: z.number(),
          rating: z.number(),
          reviewsQuantity: z.number().int(),
        }),
      ),
    })
    .parse(
      JSON.parse(readFileSync(resolve(repoRoot, "../shared/fixtures/real/kaspi-category-grid.json"), "utf8")),
    );
  const listings: NicheListing[] = grid.cards.map((card) =>
    buildTestListing({
      site: "kaspi",
      id: card.id,
      title: card.title,
      price_kzt: Math.round(card.unitPrice),
      rating: card.rating,
      reviews: card.reviewsQuantity,
    }),
  );
  return {
    query: "ноутбуки",
    city: "Алматы",
    collected_at: collectedAt,
    listings,
    totals: [{ site: "kaspi", total: grid.total, pages_read: 1, blocked: false }],
  };
}

describe("buildNicheReport", () => {
  it("reports a real Kaspi laptops page", () => {
    const report = buildNicheReport(readKaspiLaptops());
    expect(report.version).toBe(1);
    expect(report.supply).toMatchObject({ listings_read: 12, estimate: 1_470 });
    // Prices sorted: 119 395, 150 000, 189 900, 198 960, 257 990, 293 800, 459 990, 499 990, 528 550, 533 850,
    // 584 700, 622 220; h = 11q. p25 h 2.75 → 189 900 + 0.75 × 9 060 = 196 695; median h 5.5 → (293 800 +
    // 459 990) / 2 = 376 895; p75 h 8.25 → 528 550 + 0.25 × 5 300 = 529 875. Mean 4 439 345 / 12 = 369 945.4.
    expect(report.prices).toMatchObject({
      count: 12,
      min: 119_395,
      p25: 196_695,
      median: 376_895,
      p75: 529_875,
      max: 622_220,
      mean: 369_945,
    });
    expect(report.prices.histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(12);
    // Reviews 326 + 306 + 14 + 15 + 141 + 138 + 40 + 0 + 39 + 17 + 185 + 4 = 1 225; median (39 + 40) / 2 → 40.
    expect(report.demand.reviews).toEqual({ listings: 12, sum: 1_225, median: 40 });
    // The grid shows no seller and no date.
    expect(report.warnings.map((warning) => warning.code)).toEqual(["no_dates", "no_sellers"]);
    expect(report.score.excluded.map((excluded) => excluded.key)).toEqual(["concentration", "freshness"]);
    // Demand: reviews 40 on 1..200 → ln 40 / ln 200 = 69.6; competition: 100 − 100 × ln 29.4 / ln 100 = 26.6;
    // price: ln(376 895 / 5 000) / ln 400 = 72.1; promotion: none promoted → 0. Weights 0.25, 0.2, 0.15, 0.15 of
    // 0.75: (17.4 + 5.32 + 10.815 + 0) / 0.75 = 44.7 → 45.
    expect(report.score.components.map((component) => [component.key, component.value])).toEqual([
      ["demand", 69.6],
      ["competition", 26.6],
      ["price_level", 72.1],
      ["promotion", 0],
    ]);
    expect(report.score.total).toBe(45);
    expectStorable(report);
  });

  it("reports an empty niche with nulls and warnings, never NaN", () => {
    const report = buildNicheReport({
      query: "кондиционеры",
      city: "Алматы",
      collected_at: collectedAt,
      listings: [],
      totals: [],
    });
    expect(report.supply).toMatchObject({ listings_read: 0, estimate: 0, measured: false, sites: [] });
    expect(report.prices).toMatchObject({ count: 0, median: null, mean: null });
    expect(report.sellers).toMatchObject({ unique_sellers: 0, hhi: null, top1_share: null });
    expect(report.freshness.listings_per_day).toBeNull();
    expect(report.demand.promoted.share).toBeNull();
    expect(report.score.total).toBeNull();
    expect(report.warnings.map((warning) => warning.code)).toEqual(["no_listings", "few_prices"]);
    // The cost model still runs on its stated defaults.
    expect(report.cost_per_lead.cpl_kzt).toBe(3_000);
    expectStorable(report);
  });

  it("warns about a blocked site, prices in another currency and few prices", () => {
    const report = buildNicheReport({
      query: "кондиционеры",
      city: "Алматы",
      collected_at: collectedAt,
      listings: [
        buildTestListing({ id: "1", price_kzt: 250_000, posted_at: collectedAt }),
        buildTestListing({ id: "2", price_kzt: 500, currency: "USD", posted_at: collectedAt }),
      ],
      totals: [
        { site: "olx", total: 80, pages_read: 1, blocked: false },
        { site: "satu", total: null, pages_read: 0, blocked: true },
      ],
    });
    expect(report.warnings).toEqual([
      { code: "site_blocked", site: "satu", count: 0 },
      { code: "few_prices", site: null, count: 1 },
      { code: "mixed_currencies_dropped", site: null, count: 1 },
      { code: "no_sellers", site: null, count: 0 },
      { code: "no_views", site: null, count: 0 },
    ]);
  });

  it("treats an impossible figure on one card as unknown and refuses a report without a readable date", () => {
    const report = buildNicheReport({
      query: "q",
      city: null,
      collected_at: collectedAt,
      listings: [buildTestListing({ id: "1", views: -3, price_kzt: 1e15 })],
      totals: [],
    });
    expect(report.demand.views.listings).toBe(0);
    expect(report.prices.count).toBe(0);
    expect(() =>
      buildNicheReport({ query: "q", city: null, collected_at: "вчера", listings: [], totals: [] }),
    ).toThrow();
  });

  it("keeps every figure finite and within its range for random niches", () => {
    // A seeded generator (mulberry32) so a failure can be replayed.
    let seed = 20240630;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
    const maybe = <T>(value: T): T | null => (random() < 0.3 ? null : value);
    const collected = Date.parse(collectedAt);
    for (let run = 0; run < 200; run += 1) {
      const size = pick([0, 1, 2, 5, 30, 300]);
      const listings = Array.from({ length: size }, () =>
        buildTestListing({
          site: pick(nicheSites),
          id: maybe(String(Math.floor(random() * size * 2))),
          price_kzt: maybe(pick([0, -1, 1, 999, Math.round(10 ** (3 + random() * 6)), 5e11])),
          currency: pick([undefined, null, "KZT", "USD"]),
          seller: maybe(`Seller ${Math.floor(random() * 8)}`),
          seller_type: maybe(pick(["private", "business"] as const)),
          promoted: random() < 0.2,
          posted_at: maybe(new Date(collected - random() * 90 * 86_400_000 + 86_400_000).toISOString()),
          views: maybe(Math.floor(random() * 5_000)),
          reviews: maybe(Math.floor(random() * 500)),
        }),
      );
      const totals = nicheSites
        .filter(() => random() < 0.7)
        .map((site) => ({
          site,
          total: maybe(Math.floor(random() * 100_000)),
          pages_read: Math.floor(random() * 5),
          blocked: random() < 0.2,
        }));
      const assumptions =
        random() < 0.5
          ? { contact_rate: 0.001 + random() * 0.999, ad_days: 1 + Math.floor(random() * 30) }
          : undefined;
      const report = buildNicheReport({
        query: "q",
        city: null,
        collected_at: collectedAt,
        listings,
        totals,
        assumptions,
      });
      expectStorable(report);
      const { prices, score, sellers } = report;
      if (prices.count > 0) {
        expect(prices.min!).toBeLessThanOrEqual(prices.p25!);
        expect(prices.p25!).toBeLessThanOrEqual(prices.median!);
        expect(prices.median!).toBeLessThanOrEqual(prices.p75!);
        expect(prices.p75!).toBeLessThanOrEqual(prices.max!);
        expect(prices.histogram.bins.length).toBeLessThanOrEqual(20);
      }
      expect(prices.histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(prices.count);
      expect(sellers.top.reduce((sum, seller) => sum + seller.share, 0)).toBeLessThanOrEqual(1.001);
      if (score.components.length > 0) {
        expect(score.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 9);
      }
      expect(score.components.length + score.excluded.length).toBe(6);
      const cost = report.cost_per_lead;
      if (cost.cpl_kzt !== null) {
        expect(cost.cpl_low_kzt!).toBeLessThanOrEqual(cost.cpl_kzt);
        expect(cost.cpl_kzt).toBeLessThanOrEqual(cost.cpl_high_kzt!);
        expect(cost.cpl_kzt).toBeLessThanOrEqual(cost.qualified_cpl_kzt!);
      }
    }
  });
});
