import type { ParsedProduct } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { absoluteUrl } from "./absoluteUrl.ts";
import { cleanText } from "./cleanText.ts";
import type { PageElements } from "./pageElements.ts";
import { parsePriceText } from "./parsePriceText.ts";
import { readCurrencyCode } from "./readCurrencyCode.ts";
import { roundMoney } from "./roundMoney.ts";

const productScope = '[itemscope][itemtype*="schema.org/Product" i]';

/**
 * Products marked with schema.org microdata (`itemscope itemtype=".../Product"`, `itemprop="price"`…), one per
 * outermost Product scope in page order; a scope without a name is skipped.
 */
export function readMicrodataProducts($: CheerioAPI, pageUrl: string | null): ParsedProduct[] {
  const products: ParsedProduct[] = [];
  $(productScope).each((_, element) => {
    const scope = $(element);
    if (scope.parents(productScope).length > 0) return;
    const product = readScope($, scope, pageUrl);
    if (product) products.push(product);
  });
  return products;
}

function readScope($: CheerioAPI, scope: PageElements, pageUrl: string | null): ParsedProduct | null {
  /** The scope's own properties and its offers', not those of a nested product (an accessory card). */
  const property = (name: string): PageElements =>
    scope.find(`[itemprop~="${name}"]`).filter((_, element) => {
      return $(element).parent().closest(productScope).get(0) === scope.get(0);
    });
  const readProperty = (name: string): string | null => {
    const element = property(name).first();
    if (element.length === 0) return null;
    const attribute =
      element.attr("content") ??
      element.attr("value") ??
      element.attr("datetime") ??
      element.attr("data-price");
    if (attribute !== undefined) return cleanText(attribute);
    const tag = element.prop("tagName")?.toLowerCase();
    if (tag === "a" || tag === "link") return cleanText(element.attr("href"));
    if (tag === "img") return cleanText(element.attr("src"));
    return cleanText(element.text());
  };
  const nameElement = property("name").filter(
    (_, element) => $(element).parent().closest("[itemscope]").get(0) === scope.get(0),
  );
  const title = cleanText(nameElement.first().attr("content") ?? nameElement.first().text());
  if (title === null) return null;
  const priceText = readProperty("price") ?? readProperty("lowPrice");
  const currency =
    readCurrencyCode(readProperty("priceCurrency")) ?? readCurrencyCode(property("price").first().text());
  const brandElement = property("brand").first();
  const brand =
    brandElement.attr("itemscope") !== undefined
      ? cleanText(
          brandElement.find('[itemprop~="name"]').first().attr("content") ??
            brandElement.find('[itemprop~="name"]').first().text(),
        )
      : readProperty("brand");
  const reviews = parsePriceText(readProperty("reviewCount") ?? readProperty("ratingCount"));
  const image = absoluteUrl(readProperty("image"), pageUrl);
  const sku = readProperty("sku");
  return {
    id: readProperty("productID") ?? sku,
    title,
    price: roundMoney(
      parsePriceText(priceText, { decimalDot: priceText !== null && /^\d+(?:\.\d+)?$/u.test(priceText) }),
      currency,
    ),
    currency,
    brand,
    rating: parsePriceText(readProperty("ratingValue"), { decimalDot: true }),
    reviews: reviews === null ? null : Math.round(reviews),
    sellers: [],
    images: image === null ? [] : [image],
    url: absoluteUrl(readProperty("url"), pageUrl),
    sku,
    availability: readProperty("availability")?.replace(/^(?:https?:\/\/)?schema\.org\//iu, "") ?? null,
  };
}
