import type { NicheReport } from "./nicheReport.ts";

export type ComparisonUnit = "count" | "kzt" | "share" | "per_day" | "hhi" | "points";

export interface NicheComparisonRow {
  key: string;
  label_key: string;
  unit: ComparisonUnit;
  /** Which way is better for someone entering the niche; null when neither is. */
  better: "higher" | "lower" | null;
  /** One value per niche, in the order the reports were given; null when not measured. */
  values: (number | null)[];
  /** Positions of the best value (several on a tie); empty when fewer than two niches have a value. */
  best: number[];
}

export interface NicheComparison {
  niches: { query: string; city: string | null; collected_at: string }[];
  rows: NicheComparisonRow[];
}

interface Figure {
  key: string;
  unit: ComparisonUnit;
  better: NicheComparisonRow["better"];
  read: (report: NicheReport) => number | null;
}

/** The figures set side by side, in the order the table shows them. */
const figures: Figure[] = [
  { key: "score", unit: "points", better: "higher", read: (report) => report.score.total },
  { key: "supply", unit: "count", better: "lower", read: (report) => report.supply.estimate },
  { key: "listings_read", unit: "count", better: null, read: (report) => report.supply.listings_read },
  { key: "price_median", unit: "kzt", better: "higher", read: (report) => report.prices.median },
  { key: "price_p25", unit: "kzt", better: null, read: (report) => report.prices.p25 },
  { key: "price_p75", unit: "kzt", better: null, read: (report) => report.prices.p75 },
  { key: "unique_sellers", unit: "count", better: null, read: (report) => report.sellers.unique_sellers },
  { key: "top3_share", unit: "share", better: "lower", read: (report) => report.sellers.top3_share },
  { key: "hhi", unit: "hhi", better: "lower", read: (report) => report.sellers.hhi },
  {
    key: "business_share",
    unit: "share",
    better: null,
    read: (report) => report.sellers.seller_type.business_share,
  },
  {
    key: "listings_per_day",
    unit: "per_day",
    better: "higher",
    read: (report) => report.freshness.listings_per_day,
  },
  { key: "views_median", unit: "count", better: "higher", read: (report) => report.demand.views.median },
  { key: "reviews_median", unit: "count", better: "higher", read: (report) => report.demand.reviews.median },
  { key: "promoted_share", unit: "share", better: "higher", read: (report) => report.demand.promoted.share },
  { key: "cpl", unit: "kzt", better: "lower", read: (report) => report.cost_per_lead.cpl_kzt },
  {
    key: "qualified_cpl",
    unit: "kzt",
    better: "lower",
    read: (report) => report.cost_per_lead.qualified_cpl_kzt,
  },
];

function bestPositions(values: readonly (number | null)[], better: NicheComparisonRow["better"]): number[] {
  const known = values.filter((value): value is number => value !== null);
  if (better === null || known.length < 2) return [];
  const best = better === "higher" ? Math.max(...known) : Math.min(...known);
  return values.flatMap((value, position) => (value === best ? [position] : []));
}

/**
 * Niches side by side for the dashboard's table: one row per key figure, one value per niche, the best value
 * marked where a direction is better (fewer competitors, a higher ticket, a cheaper lead…).
 */
export function compareNiches(reports: readonly NicheReport[]): NicheComparison {
  return {
    niches: reports.map((report) => ({
      query: report.query,
      city: report.city,
      collected_at: report.collected_at,
    })),
    rows: figures.map((figure) => {
      const values = reports.map(figure.read);
      return {
        key: figure.key,
        label_key: `niche.compare.${figure.key}`,
        unit: figure.unit,
        better: figure.better,
        values,
        best: bestPositions(values, figure.better),
      };
    }),
  };
}
