import { cleanText } from "../generic/cleanText.ts";
import type { PageElements } from "../generic/pageElements.ts";
import { parsePriceText } from "../generic/parsePriceText.ts";
import { readCurrencyCode } from "../generic/readCurrencyCode.ts";
import { roundMoney } from "../generic/roundMoney.ts";

export interface SatuPrice {
  price: number;
  currency: string;
}

/**
 * The price of a `data-qaid="product_price"` element: its `data-qaprice` attribute (a machine value,
 * "7350.50") or else its text ("18 490 ₸"); the currency from `data-qacurrency`, the sign shown, or tenge —
 * Satu.kz sells in tenge. Null when the element is absent or shows no number.
 */
export function readSatuPrice(element: PageElements): SatuPrice | null {
  if (element.length === 0) return null;
  const text = cleanText(element.text());
  const fromAttribute = parsePriceText(cleanText(element.attr("data-qaprice")), { decimalDot: true });
  const price = fromAttribute ?? parsePriceText(text);
  if (price === null) return null;
  const currency =
    readCurrencyCode(cleanText(element.attr("data-qacurrency"))) ??
    readCurrencyCode(cleanText(element.find('[data-qaid="currency"]').first().text())) ??
    readCurrencyCode(text) ??
    "KZT";
  const rounded = roundMoney(price, currency);
  return rounded === null ? null : { price: rounded, currency };
}
