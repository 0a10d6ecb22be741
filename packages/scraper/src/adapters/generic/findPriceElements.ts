import type { CheerioAPI } from "cheerio";
import { cleanText } from "./cleanText.ts";
import { findPriceInText } from "./findPriceInText.ts";
import type { PageElements } from "./pageElements.ts";

export interface PriceElement {
  /** The element in a copy of the page without scripts and styles (cards carry inline styles). */
  element: PageElements;
  price: number;
  currency: string;
  /** The element or a close ancestor is named as a price (class, id or itemprop with "price"). */
  marked: boolean;
}

const maxPriceTextLength = 60;
const maxClimb = 3;
/** Crossed-out prices (before a discount) and page furniture (cart totals, filters) are not a product's price. */
const notAPrice = "del, s, strike, header, footer, nav, aside, button, select, option, label";
const notAPriceClass =
  /old|was|strike|cross|before|prev|cart|basket|filter|instal|credit|month|delivery|bonus|wholesale/iu;
const priceName = /price|cost|цена/iu;

/**
 * The smallest elements whose text is a price with a currency ("12 990 ₸", "$19.99"), in page order,
 * leaving out crossed-out old prices, instalments, delivery fees and page furniture. They live in a copy of
 * the page's body stripped of scripts and styles; read their cards from them, not from the page.
 */
export function findPriceElements($: CheerioAPI): PriceElement[] {
  const body = $("body").first().clone();
  body.find("script, style, noscript, template, svg").remove();
  const found: PriceElement[] = [];
  const seen = new Set<unknown>();
  body.find("*").each((_, node) => {
    const start = $(node);
    if (!/\d/u.test(start.contents().not("*").text())) return;
    let element = start;
    for (let level = 0; level <= maxClimb && element.length > 0; level++, element = element.parent()) {
      const text = cleanText(element.text());
      if (text === null || text.length > maxPriceTextLength) return;
      const price = findPriceInText(text);
      if (price === null) continue;
      const target = element.get(0);
      if (seen.has(target)) return;
      seen.add(target);
      const reading = readPriceElement($, element, price.price, price.currency);
      if (reading) found.push(reading);
      return;
    }
  });
  return found;
}

function readPriceElement(
  $: CheerioAPI,
  element: PageElements,
  price: number,
  currency: string,
): PriceElement | null {
  if (element.children().filter((_, child) => findPriceInText($(child).text()) !== null).length > 0)
    return null;
  if (element.closest(notAPrice).length > 0) return null;
  const lineage = element.add(element.parents().slice(0, maxClimb));
  const names = lineage
    .map(
      (_, ancestor) =>
        `${$(ancestor).attr("class") ?? ""} ${$(ancestor).attr("id") ?? ""} ${$(ancestor).attr("data-qaid") ?? ""}`,
    )
    .get();
  if (names.some((name) => notAPriceClass.test(name))) return null;
  const marked =
    names.some((name) => priceName.test(name)) ||
    lineage.filter('[itemprop~="price"], [data-price], [data-testid*="price" i]').length > 0;
  return { element, price, currency, marked };
}
