/**
 * A linear map from data values (`domain`) to pixels (`range`), as charts place bars. Values outside the domain
 * are clamped to it, so a stray value never draws outside the chart; an empty domain (both ends equal) maps
 * everything to the start of the range.
 */
export function scaleLinear(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const low = Math.min(d0, d1);
  const high = Math.max(d0, d1);
  return (value) => {
    if (span === 0 || !Number.isFinite(value)) return r0;
    const clamped = Math.min(high, Math.max(low, value));
    return r0 + ((clamped - d0) / span) * (r1 - r0);
  };
}

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above `value`: the top of an axis that
 * reads easily. 0 or less gives 1, so an empty chart still has an axis.
 */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    // The small tolerance keeps 0.3 (0.30000000000000004 after arithmetic) at 0.5, not 1.
    if (step * power >= value * (1 - 1e-12)) return step * power;
  }
  return 10 * power;
}
