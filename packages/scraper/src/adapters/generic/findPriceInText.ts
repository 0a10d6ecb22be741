import { parsePriceText } from "./parsePriceText.ts";
import { readCurrencyCode } from "./readCurrencyCode.ts";

export interface PriceInText {
  price: number;
  currency: string;
}

const amount = String.raw`\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const signAfter = String.raw`₸|тг\.?|тенге|теңге|KZT|₽|руб\.?|RUB|сум|сўм|so['ʻ’]?m|UZS|\$|USD|€|EUR|₴|грн\.?|UAH`;
const signBefore = String.raw`\$|€|USD|EUR|KZT|₸`;
const amountThenSign = new RegExp(String.raw`(${amount})\s*(${signAfter})(?!\p{L})`, "iu");
const signThenAmount = new RegExp(String.raw`(${signBefore})\s*(${amount})`, "iu");

/**
 * The first price with a currency written in a text: "12 990 ₸", "12 990 тг", "105 000 сум", "$19.99",
 * "€ 5,50". A bare number is not a price here — without a currency it may be a count or a phone.
 */
export function findPriceInText(text: string | null | undefined): PriceInText | null {
  const value = text ?? "";
  const after = amountThenSign.exec(value);
  const before = signThenAmount.exec(value);
  const first = after && before ? (after.index <= before.index ? after : before) : (after ?? before);
  if (!first) return null;
  const [amountText, signText] = first === after ? [first[1], first[2]] : [first[2], first[1]];
  const price = parsePriceText(amountText);
  const currency = readCurrencyCode(signText);
  return price === null || currency === null ? null : { price, currency };
}
