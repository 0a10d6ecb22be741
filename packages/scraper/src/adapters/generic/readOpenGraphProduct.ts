import type { ParsedProduct } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { absoluteUrl } from "./absoluteUrl.ts";
import { cleanText } from "./cleanText.ts";
import { parsePriceText } from "./parsePriceText.ts";
import { readCurrencyCode } from "./readCurrencyCode.ts";
import { roundMoney } from "./roundMoney.ts";

/**
 * A product described by Open Graph tags (`og:type` product, `product:price:amount` or `og:price:amount`,
 * `og:title`, `og:image`). Null when the page does not say it is a product.
 */
export function readOpenGraphProduct($: CheerioAPI, pageUrl: string | null): ParsedProduct | null {
  const meta = (name: string) =>
    cleanText($(`meta[property="${name}" i], meta[name="${name}" i]`).first().attr("content"));
  const type = meta("og:type");
  if (type === null || !/^(?:og:)?product/iu.test(type)) return null;
  const title = meta("og:title") ?? cleanText($("h1").first().text());
  if (title === null) return null;
  const currency = readCurrencyCode(meta("product:price:currency") ?? meta("og:price:currency"));
  const amount = meta("product:price:amount") ?? meta("og:price:amount");
  const image = absoluteUrl(meta("og:image"), pageUrl);
  return {
    id: meta("product:retailer_item_id"),
    title,
    price: roundMoney(parsePriceText(amount, { decimalDot: true }), currency),
    currency,
    brand: meta("product:brand") ?? meta("og:brand"),
    rating: null,
    reviews: null,
    sellers: [],
    description: meta("og:description"),
    images: image === null ? [] : [image],
    url: absoluteUrl(meta("og:url"), pageUrl),
    sku: meta("product:retailer_item_id"),
    availability: meta("product:availability") ?? meta("og:availability"),
  };
}
