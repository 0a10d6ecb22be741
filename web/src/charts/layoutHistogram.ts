import { niceCeiling, scaleLinear } from "./scaleLinear.ts";

/** One bin of a histogram: how many values fell in [from, to). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface HistogramBar extends HistogramBin {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HistogramLayout {
  bars: HistogramBar[];
  /** The count at the top of the axis (a round number at or above the fullest bin). */
  maxCount: number;
}

/** The space a histogram is drawn in, in SVG units; `gap` separates neighbouring bars. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
  gap: number;
}

/**
 * Places one bar per bin, in the order given, side by side across the plot: equal widths (the bins are price
 * ranges of equal length), heights in proportion to the count against a round axis maximum. An empty bin keeps
 * its place with a zero-height bar, so the gaps in a market's prices stay visible.
 */
export function layoutHistogram(bins: readonly HistogramBin[], area: PlotArea): HistogramLayout {
  const fullest = bins.reduce((most, bin) => Math.max(most, bin.count), 0);
  const maxCount = niceCeiling(fullest);
  const slot = bins.length === 0 ? 0 : area.width / bins.length;
  const gap = Math.min(area.gap, slot / 4);
  const bottom = area.y + area.height;
  const top = scaleLinear([0, maxCount], [bottom, area.y]);
  const bars = bins.map((bin, index) => {
    const y = top(Math.max(0, bin.count));
    return {
      ...bin,
      x: area.x + index * slot + gap / 2,
      y,
      width: Math.max(0, slot - gap),
      height: bottom - y,
    };
  });
  return { bars, maxCount };
}
