import { formatTenge } from "../format/formatTenge.ts";

/** How a figure of a niche report reads: a count, tenge, a share, a rate per day, an index, points. */
export type FigureUnit = "count" | "kzt" | "share" | "per_day" | "hhi" | "points" | "days" | "decimal";

/**
 * A report figure in the user's locale: counts and indexes whole ("1 523"), tenge as whole tenge ("180 000 ₸"),
 * shares as percentages ("34 %", "4,5 %" below 10 %), rates, days and decimals with one decimal; "—" when not measured.
 */
export function formatFigure(value: number | null, unit: FigureUnit, numberLocale: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "kzt":
      return formatTenge(value);
    case "share":
      return new Intl.NumberFormat(numberLocale, {
        style: "percent",
        maximumFractionDigits: value < 0.1 && value > 0 ? 1 : 0,
      }).format(value);
    case "per_day":
    case "days":
    case "decimal":
      return new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 }).format(value);
    case "count":
    case "hhi":
    case "points":
      return new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 }).format(value);
  }
}
