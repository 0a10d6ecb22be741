const isoCode = /^[A-Z]{3}$/u;

/** Currency signs and words seen on Kazakh, Uzbek and Russian-language shops, with their ISO 4217 code. */
const currencySigns: ReadonlyArray<readonly [RegExp, string]> = [
  [/₸|(?<!\p{L})(?:тг|тенге|теңге|kzt)(?!\p{L})/iu, "KZT"],
  [/(?<!\p{L})(?:сум|сўм|so['ʻ’`]?m|uzs)(?!\p{L})/iu, "UZS"],
  [/₽|(?<!\p{L})(?:руб|rub)/iu, "RUB"],
  [/₴|(?<!\p{L})(?:грн|uah)(?!\p{L})/iu, "UAH"],
  [/€|(?<!\p{L})eur(?:o)?(?!\p{L})/iu, "EUR"],
  [/\$|(?<!\p{L})usd(?!\p{L})/iu, "USD"],
];

/**
 * The ISO 4217 code of a currency as a page writes it: an ISO code ("KZT"), a sign ("₸", "$", "€", "₽") or a
 * word ("тг", "тенге", "сум", "руб"). Null when the text names no currency.
 */
export function readCurrencyCode(text: string | null | undefined): string | null {
  const value = (text ?? "").trim();
  if (value === "") return null;
  if (isoCode.test(value)) return value;
  for (const [sign, code] of currencySigns) if (sign.test(value)) return code;
  return null;
}
