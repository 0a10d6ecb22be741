/**
 * The Herfindahl–Hirschman index of market shares given as 0..1: the sum of the squared shares in percent,
 * 0..10 000. One seller holding everything is 10 000; four equal sellers are 2 500; many small ones near 0.
 */
export function herfindahl(shares: readonly number[]): number {
  return shares.reduce((sum, share) => sum + (share * 100) ** 2, 0);
}
