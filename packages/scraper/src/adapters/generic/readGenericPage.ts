import { emptySeo, type ListingItem, type ParsedPage, type ParsedProduct } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import type { PageInput } from "../pageInput.ts";
import { readSeo } from "../seo/readSeo.ts";
import { absoluteUrl } from "./absoluteUrl.ts";
import { cleanText } from "./cleanText.ts";
import { findHeadingProduct } from "./findHeadingProduct.ts";
import { findPriceElements } from "./findPriceElements.ts";
import { findProductCards } from "./findProductCards.ts";
import { isHtmlPage } from "./isHtmlPage.ts";
import { isOfType, readJsonLdNodes } from "./readJsonLdNodes.ts";
import { readMicrodataProducts } from "./readMicrodataProducts.ts";
import { readOpenGraphProduct } from "./readOpenGraphProduct.ts";
import { readResultsCount } from "./readResultsCount.ts";
import { itemListTypes, readSchemaItemList } from "./readSchemaItemList.ts";
import { productToListingItem, productTypes, readSchemaProduct } from "./readSchemaProduct.ts";
import { readVisibleText } from "./readVisibleText.ts";

/**
 * Reads any shop's page, always with a result: schema.org JSON-LD first (a Product → product page, an
 * ItemList or several Products → listing), then Open Graph product tags, then schema.org microdata, then the
 * page's structure (one h1 with a price → product; repeated cards with prices → listing). A page with none of
 * these is "unknown" with its SEO data. A product page without a price lists "price" in `missing`.
 */
export function readGenericPage(input: PageInput): ParsedPage {
  if (!isHtmlPage(input)) return genericPage(input, emptySeo(), { kind: "unknown", source: "generic:none" });
  const $ = input.dom();
  const seo = readSeo($, input.url);
  const page = (found: Pick<ParsedPage, "kind" | "source"> & Partial<ParsedPage>) =>
    genericPage(input, seo, found);
  const product = (found: ParsedProduct, source: string) => {
    const complete = completeProduct($, input.url, found);
    return page({
      kind: "product",
      source,
      product: complete,
      missing: complete.price === null ? ["price"] : [],
    });
  };
  const listing = (items: ListingItem[], source: string) =>
    page({
      kind: "listing",
      source,
      items,
      total: readResultsCount(readVisibleText($)),
      next_url: readNextUrl($, input.url),
    });

  const nodes = readJsonLdNodes($);
  const products = distinct(
    nodes.flatMap((node) => {
      const found = isOfType(node, productTypes) ? readSchemaProduct(node, input.url) : null;
      return found ? [found] : [];
    }),
  );
  const heading = cleanText($("h1").first().text());
  const mainProduct = products.length === 1 ? products[0] : products.find((found) => found.title === heading);
  if (mainProduct) return product(mainProduct, "generic:json-ld");
  const listed = nodes.flatMap((node) =>
    isOfType(node, itemListTypes) ? readSchemaItemList(node, input.url) : [],
  );
  if (listed.length > 0) return listing(listed, "generic:json-ld");
  if (products.length > 1) return listing(products.map(productToListingItem), "generic:json-ld");

  const openGraph = readOpenGraphProduct($, input.url);
  if (openGraph) return product(openGraph, "generic:open-graph");

  const microdata = readMicrodataProducts($, input.url);
  if (microdata.length === 1 && microdata[0]) return product(microdata[0], "generic:microdata");
  if (microdata.length > 1) return listing(microdata.map(productToListingItem), "generic:microdata");

  const prices = findPriceElements($);
  const cards = findProductCards($, prices, input.url);
  const headingProduct = findHeadingProduct($, prices, cards?.cardPrices ?? new Set());
  if (headingProduct) return product(headingProduct, "generic:heuristics");
  if (cards && cards.items.length >= 2) return listing(cards.items, "generic:heuristics");
  return page({ kind: "unknown", source: "generic:none" });
}

function genericPage(
  input: PageInput,
  seo: ParsedPage["seo"],
  found: Pick<ParsedPage, "kind" | "source"> & Partial<ParsedPage>,
): ParsedPage {
  return {
    site: "generic",
    url: input.url,
    title: seo.title ?? found.product?.title ?? null,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo,
    missing: [],
    ...found,
  };
}

/**
 * Fills what the structured data left out from the rest of the page: a price from Open Graph, microdata or
 * the priced h1; images from og:image; the page's URL.
 */
function completeProduct($: CheerioAPI, pageUrl: string | null, product: ParsedProduct): ParsedProduct {
  let complete = { ...product, url: product.url ?? pageUrl };
  if (complete.price === null) {
    const prices = findPriceElements($);
    const fallback = [
      readOpenGraphProduct($, pageUrl),
      ...readMicrodataProducts($, pageUrl),
      findHeadingProduct($, prices, findProductCards($, prices, pageUrl)?.cardPrices ?? new Set()),
    ].find((candidate) => candidate !== null && candidate !== undefined && candidate.price !== null);
    if (fallback)
      complete = { ...complete, price: fallback.price, currency: fallback.currency ?? complete.currency };
  }
  if ((complete.images ?? []).length === 0) {
    const image = absoluteUrl($('meta[property="og:image" i]').first().attr("content"), pageUrl);
    if (image !== null) complete = { ...complete, images: [image] };
  }
  return complete;
}

function readNextUrl($: CheerioAPI, pageUrl: string | null): string | null {
  return absoluteUrl($('link[rel~="next" i], a[rel~="next" i]').first().attr("href"), pageUrl);
}

/** The same product written twice (a Product and its ProductGroup, two copies of one block) counts once. */
function distinct(products: ParsedProduct[]): ParsedProduct[] {
  const seen = new Set<string>();
  return products.filter((product) => {
    const key = `${product.title}|${product.url ?? ""}|${product.price ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
