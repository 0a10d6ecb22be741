import { quantile, sortAscending } from "./quantile.ts";

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge, except for the last bin which holds its upper edge too. */
  to: number;
  count: number;
}

export interface Histogram {
  /** The bins' width, a "nice" 1, 2 or 5 × 10ᵏ; null when there were no values. */
  step: number | null;
  bins: HistogramBin[];
  /** Values below the first bin's lower edge, counted in the first bin. */
  clamped_low: number;
  /** Values above the last bin's upper edge, counted in the last bin. */
  clamped_high: number;
}

export interface HistogramOptions {
  minBins: number;
  maxBins: number;
  /** The narrowest bin worth drawing: 1 for whole tenge. When it allows fewer bins than minBins, fewer are drawn. */
  minStep?: number;
}

const niceMantissas = [1, 2, 5] as const;
/** Slack for floating-point division landing a hair off an edge. */
const edgeTolerance = 1e-9;

interface NiceStep {
  step: number;
  /** Decimals an edge needs: 1 for a step of 0.5, 0 for whole steps. */
  decimals: number;
}

function niceStep(mantissa: number, exponent: number): NiceStep {
  return exponent >= 0
    ? { step: mantissa * 10 ** exponent, decimals: 0 }
    : { step: mantissa / 10 ** -exponent, decimals: -exponent };
}

/** An edge without floating-point dust (0.30000000000000004 → 0.3). */
function edgeAt(index: number, { step, decimals }: NiceStep): number {
  const edge = index * step;
  return decimals === 0 ? edge : Number(edge.toFixed(decimals));
}

function binCount(low: number, high: number, step: number): number {
  const first = Math.floor(low / step + edgeTolerance);
  const last = Math.ceil(high / step - edgeTolerance);
  return Math.max(1, last - first);
}

/** The nice step whose bin count is nearest the geometric middle of [minBins, maxBins]. */
function chooseStep(low: number, high: number, options: HistogramOptions): NiceStep {
  const minStep = options.minStep ?? 0;
  const target = Math.sqrt(options.minBins * options.maxBins);
  const range = high - low;
  const smallest = Math.max(range / (options.maxBins * 10), minStep, Number.MIN_VALUE);
  let exponent = Math.floor(Math.log10(smallest)) - 1;
  const candidates: (NiceStep & { bins: number })[] = [];
  // Widen the step until it gives fewer bins than asked for: wider steps give fewer still.
  for (let guard = 0; guard < 60; guard += 1, exponent += 1) {
    let done = false;
    for (const mantissa of niceMantissas) {
      const step = niceStep(mantissa, exponent);
      if (step.step < minStep) continue;
      const bins = binCount(low, high, step.step);
      candidates.push({ ...step, bins });
      if (bins < options.minBins) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  const fitting = candidates.filter(
    (candidate) => candidate.bins >= options.minBins && candidate.bins <= options.maxBins,
  );
  if (fitting.length > 0) {
    return fitting.reduce((best, candidate) =>
      Math.abs(Math.log(candidate.bins / target)) < Math.abs(Math.log(best.bins / target)) ? candidate : best,
    );
  }
  // Nothing fits (the values span too few minimum steps): the finest allowed step within maxBins.
  const allowed = candidates.filter((candidate) => candidate.bins <= options.maxBins);
  return allowed[0] ?? candidates[candidates.length - 1]!;
}

/**
 * Counts values into bins with nice edges (steps of 1, 2 or 5 × 10ᵏ) spanning the 1st to the 99th percentile, so
 * that a few extreme prices do not squeeze the chart: values beyond the edges go into the end bins and are counted
 * as clamped. The bins' counts always add up to the number of values.
 */
export function buildHistogram(values: readonly number[], options: HistogramOptions): Histogram {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { step: null, bins: [], clamped_low: 0, clamped_high: 0 };
  const sorted = sortAscending(finite);
  const low = quantile(sorted, 0.01)!;
  const high = quantile(sorted, 0.99)!;
  const nice =
    high > low
      ? chooseStep(low, high, options)
      : // One value (or all equal): one bin a tenth of its size wide, or the minimum step.
        chooseStep(low, low + Math.max(Math.abs(low), 1), { ...options, minBins: 10, maxBins: 10 });
  const step = nice.step;
  const firstIndex = Math.floor(low / step + edgeTolerance);
  const count = high > low ? binCount(low, high, step) : 1;
  const bins: HistogramBin[] = Array.from({ length: count }, (_, offset) => ({
    from: edgeAt(firstIndex + offset, nice),
    to: edgeAt(firstIndex + offset + 1, nice),
    count: 0,
  }));
  const start = bins[0]!.from;
  const end = bins[bins.length - 1]!.to;
  let clampedLow = 0;
  let clampedHigh = 0;
  for (const value of sorted) {
    if (value < start) clampedLow += 1;
    if (value > end) clampedHigh += 1;
    const index = Math.min(count - 1, Math.max(0, Math.floor((value - start) / step + edgeTolerance)));
    bins[index]!.count += 1;
  }
  return { step, bins, clamped_low: clampedLow, clamped_high: clampedHigh };
}
