import type { ListingItem, ParsedPage, Seo } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { absoluteUrl } from "../generic/absoluteUrl.ts";
import { cleanText } from "../generic/cleanText.ts";
import { readResultsCount } from "../generic/readResultsCount.ts";
import { readVisibleText } from "../generic/readVisibleText.ts";
import { readSatuPrice } from "./readSatuPrice.ts";
import { readSatuProductId } from "./readSatuProductId.ts";

const nothingFound =
  /ничего не найдено|не найдено ни одного|по вашему запросу .{0,80}не найден|ештеңе табылмады|nothing found/iu;

/**
 * A Satu search or category page: one item per product tile (`data-qaid="product_block"`) with its title,
 * price, seller company, city and link; the results count the page reports ("Найдено 1 234 товара"); the
 * pagination. A search that found nothing is a listing with 0 results. Null when the page has neither tiles
 * nor a results count. `missing` names the count when the page does not show it.
 */
export function readSatuListing($: CheerioAPI, pageUrl: string | null, seo: Seo): ParsedPage | null {
  const base = pageUrl ?? seo.canonical ?? "https://satu.kz/";
  const items: ListingItem[] = [];
  $('[data-qaid="product_block"]').each((_, element) => {
    const tile = $(element);
    const link = tile.find('a[data-qaid="product_link"]').first();
    const title =
      cleanText(tile.find('[data-qaid="product_name"]').first().text()) ?? cleanText(link.attr("title"));
    if (title === null) return;
    const url = absoluteUrl(link.attr("href"), base);
    const price = readSatuPrice(tile.find('[data-qaid="product_price"]').first());
    const company = tile.find('[data-qaid="company_name"], [data-qaid="company_link"]').first();
    const advertised =
      tile.attr("data-advert") === "true" ||
      tile.find('[data-qaid="advert_label"]').length > 0 ||
      tile.children().filter((_, child) => /^реклама$/iu.test(cleanText($(child).text()) ?? "")).length > 0;
    items.push({
      id: cleanText(tile.attr("data-product-id")) ?? readSatuProductId(url),
      title,
      price: price?.price ?? null,
      currency: price?.currency ?? null,
      negotiable: null,
      city: cleanText(tile.find('[data-qaid="region_title"]').first().text()),
      seller: cleanText(company.text()),
      promoted: advertised,
      url,
      // Only companies and registered entrepreneurs sell on Satu.
      seller_type: "business",
    });
  });
  const text = readVisibleText($);
  const countText = cleanText($('[data-qaid="search_results_info"]').first().text());
  const emptySearch = items.length === 0 && nothingFound.test(text);
  const total = readResultsCount(countText) ?? readResultsCount(text) ?? (emptySearch ? 0 : null);
  if (items.length === 0 && total === null) return null;
  const pagination = readPagination($, base);
  return {
    site: "satu",
    kind: "listing",
    url: pageUrl,
    title: seo.title,
    total,
    items,
    product: null,
    offers: [],
    seo,
    ...pagination,
    missing: total === null ? ["total"] : [],
    source: "satu:listing",
  };
}

function readPagination($: CheerioAPI, base: string): Pick<ParsedPage, "page" | "pages" | "next_url"> {
  const block = $('[data-qaid="pagination"]').first();
  const numbers = block
    .find("a, span")
    .map((_, element) => cleanText($(element).text()))
    .get()
    .filter((text) => /^\d+$/u.test(text))
    .map(Number);
  const current = cleanText(block.find('[aria-current="page"]').first().text());
  const fromUrl = Number(new URL(base).searchParams.get("page") ?? Number.NaN);
  const page =
    current !== null && /^\d+$/u.test(current) ? Number(current) : Number.isInteger(fromUrl) ? fromUrl : 1;
  const next =
    block.find('a[data-qaid="next_page"]').first().attr("href") ?? $('link[rel="next"]').first().attr("href");
  return {
    page,
    pages: numbers.length > 0 ? Math.max(page, ...numbers) : page,
    next_url: absoluteUrl(next, base),
  };
}
