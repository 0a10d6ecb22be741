import type { OlxPrice } from "./olxAdSchema.ts";

export interface OlxPriceReading {
  /** In the ad's own currency; 0 for a free item; null for "Договорная" or "Обмен". */
  price: number | null;
  currency: string | null;
  negotiable: boolean | null;
}

/** Currency signs OLX shows in its countries, read when the state gives no ISO code. */
const currencySigns: Array<[RegExp, string]> = [
  [/сум|so['ʻ‘’]?m/i, "UZS"],
  [/тг|₸|тенге/i, "KZT"],
  [/\$|у\.\s?е\.|usd/i, "USD"],
  [/€|eur/i, "EUR"],
  [/грн|₴|uah/i, "UAH"],
  [/zł|pln/i, "PLN"],
  [/\blei\b|ron/i, "RON"],
  [/лв|bgn/i, "BGN"],
];

/** The ISO 4217 code for a currency sign or a shown price ("105 000 сум" → UZS, "1 200 $" → USD). */
export function readOlxCurrency(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (/^[A-Z]{3}$/.test(trimmed)) return trimmed;
  for (const [sign, code] of currencySigns) if (sign.test(trimmed)) return code;
  return null;
}

/** A price by agreement: no amount, the seller names it on request. */
const byAgreement = /договорн|келісімді|negocj|negoci|negoti|договір/i;

/**
 * Reads an OLX ad's price. A fixed price keeps its own currency (UZS on olx.uz, USD for a "$" price on olx.kz);
 * "Договорная" has no amount but is negotiable; "Бесплатно" costs 0; "Обмен" has no amount.
 */
export function readOlxPrice(price: OlxPrice | null | undefined): OlxPriceReading {
  if (!price) return { price: null, currency: null, negotiable: null };
  const regular = price.regularPrice;
  const shown = price.displayValue ?? null;
  const currency =
    readOlxCurrency(regular?.currencyCode) ??
    readOlxCurrency(regular?.currencySymbol) ??
    readOlxCurrency(shown);
  if (price.free) return { price: 0, currency, negotiable: false };
  if (typeof regular?.value === "number") {
    return { price: regular.value, currency, negotiable: regular.negotiable ?? null };
  }
  if (price.arranged || (shown !== null && byAgreement.test(shown))) {
    return { price: null, currency: null, negotiable: true };
  }
  if (price.exchange) return { price: null, currency: null, negotiable: null };
  const digits = shown?.replace(/[\s\u00a0\u202f]/g, "").match(/\d+(?:[.,]\d+)?/)?.[0];
  if (digits !== undefined && currency !== null) {
    return {
      price: Number(digits.replace(",", ".")),
      currency,
      negotiable: /торг/i.test(shown ?? "") || null,
    };
  }
  return { price: null, currency: null, negotiable: null };
}
