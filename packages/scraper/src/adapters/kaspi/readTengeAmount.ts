/**
 * An amount of tenge as Kaspi shows it ("2 810 ₸", "528 550 ₸", with narrow or non-breaking spaces):
 * whole tenge, or null when the text holds no amount.
 */
export function readTengeAmount(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = text.replace(/[\s\u00a0\u202f\u2009]/g, "").match(/\d+(?:[.,]\d+)?/);
  if (match === null) return null;
  return Math.round(Number(match[0].replace(",", ".")));
}
