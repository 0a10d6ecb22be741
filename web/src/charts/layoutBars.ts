import { scaleLinear } from "./scaleLinear.ts";

/** One row of a horizontal bar chart. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The value as the reader sees it: "34 %", "180 000 ₸". */
  valueLabel: string;
}

export interface BarRow extends BarDatum {
  /** Top of the row's band. */
  y: number;
  /** Length of the bar, 0..track width. */
  barWidth: number;
}

/**
 * Rows of horizontal bars, one under the other, each bar as long as its value against `max` (a share against 1,
 * a price against the highest one). Negative values draw as nothing; values above `max` fill the track.
 */
export function layoutBars(
  data: readonly BarDatum[],
  options: { max: number; trackWidth: number; rowHeight: number; top?: number },
): BarRow[] {
  const length = scaleLinear([0, options.max], [0, options.trackWidth]);
  const top = options.top ?? 0;
  return data.map((datum, index) => ({
    ...datum,
    y: top + index * options.rowHeight,
    barWidth: options.max > 0 ? length(datum.value) : 0,
  }));
}

/** A label cut to `maxChars` characters with "…", so it fits the label column of an SVG chart. */
export function shortenLabel(label: string, maxChars: number): string {
  const characters = Array.from(label.trim());
  if (characters.length <= maxChars) return characters.join("");
  return `${characters
    .slice(0, Math.max(1, maxChars - 1))
    .join("")
    .trimEnd()}…`;
}
