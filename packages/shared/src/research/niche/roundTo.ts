/** A number rounded to a number of decimals (half away from zero for positives, as Math.round does). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A rounded value, or null when there is none. */
export function roundOrNull(value: number | null, decimals = 0): number | null {
  return value === null ? null : roundTo(value, decimals);
}

/** part / whole, or null when the whole is zero (a share of nothing is unknown, not 0 or NaN). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
