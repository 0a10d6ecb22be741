/** Tenge are counted whole (the dashboard and the niche maths work in integer tenge); other currencies keep cents. */
export function roundMoney(price: number | null, currency: string | null): number | null {
  if (price === null) return null;
  return currency === "KZT" ? Math.round(price) : Math.round(price * 100) / 100;
}
