import type { ParsedPage } from "@arqan/shared";
import { isHtmlPage } from "../generic/isHtmlPage.ts";
import type { PageInput } from "../pageInput.ts";
import { readSeo } from "../seo/readSeo.ts";
import { readSatuListing } from "./readSatuListing.ts";
import { readSatuProduct } from "./readSatuProduct.ts";

/**
 * Reads a Satu.kz page (the Prom/EVO platform: `data-qaid` markup and JSON-LD): a product page, or a search or
 * category listing. Null for a page without Satu's markup, so the generic reader takes over.
 */
export function readSatuPage(input: PageInput): ParsedPage | null {
  if (!isHtmlPage(input)) return null;
  const $ = input.dom();
  const seo = readSeo($, input.url);
  return readSatuProduct($, input.url, seo) ?? readSatuListing($, input.url, seo);
}
