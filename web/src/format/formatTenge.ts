/** U+202F NARROW NO-BREAK SPACE: the thin space that groups thousands and never breaks a line. */
const thinSpace = "\u202f";

/** Whole tenge as "1 234 567 ₸" (ru-KZ grouping with thin spaces, no fraction). */
export function formatTenge(amountKzt: number): string {
  return new Intl.NumberFormat("ru-KZ", {
    style: "currency",
    currency: "KZT",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  })
    .formatToParts(Math.round(amountKzt))
    .map((part) => (part.type === "group" ? thinSpace : part.type === "literal" ? "\u00a0" : part.value))
    .join("");
}
