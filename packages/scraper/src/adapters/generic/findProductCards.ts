import type { ListingItem } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { absoluteUrl } from "./absoluteUrl.ts";
import { cleanText } from "./cleanText.ts";
import type { PriceElement } from "./findPriceElements.ts";
import type { PageElements } from "./pageElements.ts";
import { roundMoney } from "./roundMoney.ts";

export interface ProductCards {
  items: ListingItem[];
  /** The prices shown on the cards (a product page's own price is not one of them). */
  cardPrices: ReadonlySet<PriceElement>;
}

const maxClimb = 8;
const maxCardTextLength = 800;
const maxTitleLength = 300;
const titleSelector =
  'h2, h3, h4, h5, h6, [itemprop~="name"], [class*="title" i], [class*="name" i], [data-testid*="title" i]';

interface CardGroup {
  signature: string;
  nodes: Set<unknown>;
  cards: PageElements[];
  /** How far above its price the card sits; of two nested wrappers the outer one is the card. */
  level: number;
}

/**
 * Repeated product cards of a listing without structured data: the elements of one kind (same tag and
 * classes) that each hold a link and a price, the most numerous such kind (at least two cards). Null when the
 * page has no repeated cards.
 */
export function findProductCards(
  $: CheerioAPI,
  prices: readonly PriceElement[],
  pageUrl: string | null,
): ProductCards | null {
  const groups = new Map<string, CardGroup>();
  for (const price of prices) {
    let current = price.element;
    for (let level = 0; level < maxClimb; level++) {
      current = current.parent();
      const node = current.get(0);
      if (node === undefined || current.is("body, html")) break;
      const key = signatureOf(current);
      if (key === null) continue;
      const group = groups.get(key) ?? { signature: key, nodes: new Set<unknown>(), cards: [], level: 0 };
      if (!group.nodes.has(node)) {
        group.nodes.add(node);
        group.cards.push(current);
        group.level = Math.max(group.level, level);
      }
      groups.set(key, group);
    }
  }
  let best: CardGroup | null = null;
  for (const group of groups.values()) {
    if (group.cards.length < 2 || !group.cards.every(isCard)) continue;
    const more = best === null || group.cards.length > best.cards.length;
    const sameButOuter =
      best !== null && group.cards.length === best.cards.length && group.level > best.level;
    if (more || sameButOuter) best = group;
  }
  if (best === null) return null;
  const cardPrices = new Set<PriceElement>();
  const items: ListingItem[] = [];
  for (const card of withUnpricedSiblings($, best)) {
    const cardNode = card.get(0);
    const own = prices.filter((price) => {
      const priceNode = price.element.get(0);
      return cardNode !== undefined && priceNode !== undefined && $.contains(cardNode, priceNode);
    });
    for (const price of own) cardPrices.add(price);
    const item = readCard($, card, own[0] ?? null, pageUrl);
    if (item) items.push(item);
  }
  return { items, cardPrices };
}

/** An element's kind: its tag and its classes; null for an element without classes. */
function signatureOf(element: PageElements): string | null {
  const classes = (element.attr("class") ?? "").split(/\s+/u).filter(Boolean).sort().join(".");
  return classes === "" ? null : `${element.prop("tagName")}.${classes}`;
}

/** The priced cards with their siblings of the same kind that show no price ("Цена по запросу"), in page order. */
function withUnpricedSiblings($: CheerioAPI, group: CardGroup): PageElements[] {
  const cards: PageElements[] = [];
  const seenParents = new Set<unknown>();
  for (const card of group.cards) {
    const parent = card.parent();
    if (seenParents.has(parent.get(0))) continue;
    seenParents.add(parent.get(0));
    parent.children().each((_, child) => {
      const sibling = $(child);
      if (group.nodes.has(child) || (signatureOf(sibling) === group.signature && isCard(sibling)))
        cards.push(sibling);
    });
  }
  return cards;
}

function isCard(card: PageElements): boolean {
  const text = cleanText(card.text()) ?? "";
  return text.length <= maxCardTextLength && (card.is("a[href]") || card.find("a[href]").length > 0);
}

function readCard(
  $: CheerioAPI,
  card: PageElements,
  price: PriceElement | null,
  pageUrl: string | null,
): ListingItem | null {
  const links = card.is("a[href]") ? card : card.find("a[href]");
  const namedLink = links.filter((_, link) => cleanText($(link).text()) !== null).first();
  const link = namedLink.length > 0 ? namedLink : links.first();
  const named = card
    .find(titleSelector)
    .map((_, element) => cleanText($(element).text()))
    .get()
    .find((text) => text.length <= maxTitleLength);
  const title =
    named ??
    cleanText(link.attr("title")) ??
    cleanText(card.find("img[alt]").first().attr("alt")) ??
    cleanText(link.text());
  if (title === null) return null;
  const id = card.attr("data-product-id") ?? card.attr("data-id") ?? card.attr("data-sku") ?? null;
  return {
    id: cleanText(id),
    title,
    price: price ? roundMoney(price.price, price.currency) : null,
    currency: price?.currency ?? null,
    negotiable: null,
    city: null,
    seller: null,
    promoted: false,
    url: absoluteUrl(link.attr("href"), pageUrl),
  };
}
