import { formatTenge } from "../format/formatTenge.ts";

/** The price columns of a product. */
export interface ProductPrice {
  price: number | null;
  currency: string | null;
  price_kzt: number | null;
}

/**
 * A product's price as the table shows it: tenge as whole tenge ("180 000 ₸"); another currency with its ISO
 * code ("1 250 USD"), followed by its tenge value when the task converted it; a bare number when the page named
 * no currency; null when there is no price.
 */
export function formatProductPrice(product: ProductPrice, numberLocale: string): string | null {
  const currency = product.currency?.trim().toUpperCase() ?? null;
  if (product.price !== null && (currency === "KZT" || (currency === null && product.price_kzt !== null))) {
    return formatTenge(currency === "KZT" ? product.price : (product.price_kzt ?? product.price));
  }
  if (product.price !== null && currency !== null) {
    const amount = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2 }).format(product.price);
    const inTenge = product.price_kzt === null ? "" : ` (≈ ${formatTenge(product.price_kzt)})`;
    return `${amount} ${currency}${inTenge}`;
  }
  if (product.price_kzt !== null) return formatTenge(product.price_kzt);
  // A number the page showed without saying its currency: shown as it is, never assumed to be tenge.
  return product.price === null ? null : new Intl.NumberFormat(numberLocale).format(product.price);
}
