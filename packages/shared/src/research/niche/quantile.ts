/**
 * The q-quantile (0..1) of values sorted ascending, by linear interpolation between the closest ranks (the
 * method of Excel's PERCENTILE.INC and R's default, type 7): at position h = (n − 1)·q, between the values at
 * ranks ⌊h⌋ and ⌈h⌉. Null for no values.
 */
export function quantile(sortedValues: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be within 0..1, got ${q}`);
  const count = sortedValues.length;
  if (count === 0) return null;
  const position = (count - 1) * q;
  const lowerRank = Math.floor(position);
  const upperRank = Math.ceil(position);
  const lower = sortedValues[lowerRank]!;
  const upper = sortedValues[upperRank]!;
  return lower + (upper - lower) * (position - lowerRank);
}

/** Values in ascending order, as a new array. */
export function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The median of values in any order; null for none. */
export function median(values: readonly number[]): number | null {
  return quantile(sortAscending(values), 0.5);
}
