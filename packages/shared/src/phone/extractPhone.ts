import { findPhoneNumbersInText, parsePhoneNumberWithError } from "libphonenumber-js/max";

/**
 * The E.164 form of the first valid phone number in free text, or null. Numbers without a country code are read
 * as Kazakhstan's: `8 7xx…` (trunk prefix 8), `7xx…` (10 digits), `+7 7xx…` and `77xx…`/`87xx…` (11 digits) all
 * give `+77xx…`; numbers with another country code keep it (`+998…`, `+7 9xx…` is Russia's).
 */
export function extractPhone(text: string): string | null {
  for (const match of findPhoneNumbersInText(text, { defaultCountry: "KZ" })) {
    if (match.number.isValid()) return match.number.number;
  }
  return null;
}

/** Normalises one phone number to E.164 (Kazakhstan by default), or null when it is not a valid number. */
export function normalizePhone(input: string): string | null {
  try {
    const phone = parsePhoneNumberWithError(input, { defaultCountry: "KZ" });
    return phone.isValid() ? phone.number : null;
  } catch {
    return null;
  }
}
