import { describe, expect, it } from "vitest";
import { buildNicheReport } from "./buildNicheReport.ts";
import { buildTestListing } from "./buildTestListing.ts";
import { compareNiches } from "./compareNiches.ts";

const collectedAt = "2024-06-30T12:00:00.000Z";

/** A niche of `count` OLX ads from distinct sellers at one price, with the site's total. */
function niche(query: string, count: number, price: number, total: number) {
  return buildNicheReport({
    query,
    city: "Алматы",
    collected_at: collectedAt,
    listings: Array.from({ length: count }, (_, index) =>
      buildTestListing({ id: String(index), price_kzt: price, seller: `Seller ${index}` }),
    ),
    totals: [{ site: "olx", total, pages_read: 1, blocked: false }],
  });
}

describe("compareNiches", () => {
  const conditioners = niche("кондиционеры", 10, 250_000, 3_000);
  const plumbers = niche("сантехник", 10, 15_000, 400);
  const windows = niche("пластиковые окна", 4, 250_000, 400);

  it("puts each niche's figures side by side and marks the best", () => {
    const comparison = compareNiches([conditioners, plumbers, windows]);
    expect(comparison.niches.map((column) => column.query)).toEqual([
      "кондиционеры",
      "сантехник",
      "пластиковые окна",
    ]);
    const row = (key: string) => comparison.rows.find((candidate) => candidate.key === key)!;
    // Fewer competitors are better: 400 ties between plumbers and windows.
    expect(row("supply")).toMatchObject({ values: [3_000, 400, 400], better: "lower", best: [1, 2] });
    // A higher ticket is better.
    expect(row("price_median")).toMatchObject({ values: [250_000, 15_000, 250_000], best: [0, 2] });
    expect(row("supply").label_key).toBe("niche.compare.supply");
    // Figures with no better direction are shown, not marked.
    expect(row("listings_read")).toMatchObject({ values: [10, 10, 4], better: null, best: [] });
  });

  it("marks nothing when fewer than two niches have the figure", () => {
    const comparison = compareNiches([conditioners]);
    expect(comparison.rows.every((row) => row.best.length === 0)).toBe(true);
    const views = compareNiches([conditioners, plumbers]).rows.find((row) => row.key === "views_median")!;
    expect(views).toMatchObject({ values: [null, null], best: [] });
  });
});
