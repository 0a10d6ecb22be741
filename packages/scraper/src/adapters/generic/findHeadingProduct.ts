import type { ParsedProduct } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { cleanText } from "./cleanText.ts";
import type { PriceElement } from "./findPriceElements.ts";
import { roundMoney } from "./roundMoney.ts";

/**
 * A product page without structured data: one h1 (the product's name) and a price named as a price
 * (class, id or itemprop) that is not on a card of other products. Null otherwise.
 */
export function findHeadingProduct(
  $: CheerioAPI,
  prices: readonly PriceElement[],
  cardPrices: ReadonlySet<PriceElement>,
): ParsedProduct | null {
  const headings = $("h1").filter((_, heading) => cleanText($(heading).text()) !== null);
  if (headings.length !== 1) return null;
  const title = cleanText(headings.first().text());
  const price = prices.find((entry) => entry.marked && !cardPrices.has(entry));
  if (title === null || price === undefined) return null;
  return {
    id: null,
    title,
    price: roundMoney(price.price, price.currency),
    currency: price.currency,
    brand: null,
    rating: null,
    reviews: null,
    sellers: [],
  };
}
