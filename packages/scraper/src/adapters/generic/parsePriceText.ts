export interface PriceTextOptions {
  /**
   * A machine field (JSON-LD, a meta tag, a data attribute) writes one dot as the decimal point ("2810.50");
   * a price shown to people in Kazakhstan may use a dot between thousands ("1.299" is 1299).
   */
  decimalDot?: boolean;
}

const numberPattern = /\d[\d\s'.,]*/u;

/**
 * Reads a price as shops write it: 2810, "2810", "2 810,00", "12 990 ₸", "1,299.99", "1.299,99", "$19.99".
 * Spaces (also non-breaking) and apostrophes group thousands; of a comma and a dot the last one is the decimal
 * mark; a lone comma or dot followed by exactly three digits groups thousands. Null when there is no number.
 */
export function parsePriceText(
  value: string | number | null | undefined,
  options: PriceTextOptions = {},
): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const match = numberPattern.exec(value);
  if (!match) return null;
  const digits = match[0].replace(/[\s']/gu, "").replace(/[.,]+$/u, "");
  const lastComma = digits.lastIndexOf(",");
  const lastDot = digits.lastIndexOf(".");
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalMark = lastComma > lastDot ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    normalized = digits.split(groupMark).join("").replace(decimalMark, ".");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const parts = digits.split(mark);
    const groupsOfThree = parts.slice(1).every((part) => part.length === 3);
    const treatAsDecimal =
      parts.length === 2 && (!groupsOfThree || (mark === "." && options.decimalDot === true));
    normalized = treatAsDecimal ? parts.join(".") : parts.join("");
  } else {
    normalized = digits;
  }
  const price = Number(normalized);
  return Number.isFinite(price) ? price : null;
}
