import { emptySeo, type ParsedPage } from "@arqan/shared";
import type { PageInput } from "./pageInput.ts";
import { readSeo } from "./seo/readSeo.ts";

/**
 * Reads one page into the normalized result. Skeleton: the site readers (OLX, Kaspi, Satu, generic shops)
 * and the error/captcha/shell classification plug in here.
 */
export function readPage(input: PageInput): ParsedPage {
  const looksLikeHtml = /<html|<head|<body|<!doctype/i.test(input.body.slice(0, 2048));
  const seo = looksLikeHtml ? readSeo(input.dom(), input.url) : emptySeo();
  return {
    site: "generic",
    kind: "unknown",
    url: input.url,
    title: seo.title,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo,
    missing: [],
    source: "generic:none",
  };
}
