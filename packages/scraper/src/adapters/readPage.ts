import { emptySeo, type ParsedPage, type ParsedSite } from "@arqan/shared";
import { diagnosePage, type PageDiagnosis } from "./classify/classifyPage.ts";
import { isHtmlPage } from "./generic/isHtmlPage.ts";
import { readGenericPage } from "./generic/readGenericPage.ts";
import { isKaspiHost } from "./kaspi/isKaspiHost.ts";
import { isKaspiCatalogGrid } from "./kaspi/readKaspiCatalogGrid.ts";
import { looksLikeKaspiFeed } from "./kaspi/readKaspiFeed.ts";
import { readKaspiPage } from "./kaspi/readKaspiPage.ts";
import { isOlxHost } from "./olx/isOlxHost.ts";
import { readOlxPage } from "./olx/readOlxPage.ts";
import type { PageInput, SiteReader } from "./pageInput.ts";
import { isSatuHost } from "./satu/isSatuHost.ts";
import { readSatuPage } from "./satu/readSatuPage.ts";
import { readSeo } from "./seo/readSeo.ts";

const siteReaders: Record<Exclude<ParsedSite, "generic">, SiteReader> = {
  olx: readOlxPage,
  kaspi: readKaspiPage,
  satu: readSatuPage,
};

/** What each site reader looks for; named in `missing` when a page of that site lacks it. */
const expectedData: Record<Exclude<ParsedSite, "generic">, string> = {
  olx: "olx:prerendered-state",
  kaspi: "kaspi:backend-data",
  satu: "satu:page-markup",
};

/**
 * Reads one page into the normalized result. First what is wrong with the page (a captcha, an error page, an
 * empty JavaScript shell — such a page never reports items); then the site: the one asked for, else by the
 * URL's host, else by what the page carries; then that site's reader. A page of a known site its reader cannot
 * read still gets the generic reading (SEO, JSON-LD…), with the site reader's expectation in `missing`.
 * `fetch` is left to the fetcher.
 */
export function readPage(input: PageInput): ParsedPage {
  const site = input.site === "auto" ? detectSite(input) : input.site;
  const diagnosis = diagnosePage(input);
  if (diagnosis !== null) return classifiedPage(input, site, diagnosis);
  if (site === "generic") return readGenericPage(input);
  const page = siteReaders[site](input);
  if (page !== null) return page;
  const generic = readGenericPage(input);
  return { ...generic, missing: [expectedData[site], ...generic.missing] };
}

function classifiedPage(input: PageInput, site: ParsedSite, diagnosis: PageDiagnosis): ParsedPage {
  const seo = isHtmlPage(input) ? readSeo(input.dom(), input.url) : emptySeo();
  return {
    site,
    kind: diagnosis.kind,
    url: input.url,
    title: seo.title,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo,
    missing: [],
    source: `classify:${diagnosis.reason}`,
  };
}

/**
 * The site of a page read with `auto`: by the URL's host; else by what the body carries (a Kaspi price-list
 * feed, OLX's init config, Kaspi's BACKEND data or catalog grid JSON, Satu's product markup); else by the
 * host of the page's canonical or og:url link; else a generic shop.
 */
function detectSite(input: PageInput): ParsedSite {
  const byHost = siteOfHost(hostOf(input.url));
  if (byHost !== null) return byHost;
  const body = input.body;
  if (looksLikeKaspiFeed(body)) return "kaspi";
  const opening = body
    .replace(/^\uFEFF/u, "")
    .trimStart()
    .charAt(0);
  if (opening === "{" || opening === "[") return isKaspiCatalogJson(body) ? "kaspi" : "generic";
  if (body.includes("olx-init-config")) return "olx";
  if (/BACKEND\.components\b/u.test(body)) return "kaspi";
  if (/data-qaid="product_block"|<h1[^>]*data-qaid="product_name"/u.test(body)) return "satu";
  if (!isHtmlPage(input)) return "generic";
  const $ = input.dom();
  const linked = $('link[rel="canonical"]').attr("href") ?? $('meta[property="og:url" i]').attr("content");
  return siteOfHost(hostOf(linked ?? null)) ?? "generic";
}

function siteOfHost(host: string | null): ParsedSite | null {
  if (host === null) return null;
  if (isOlxHost(host)) return "olx";
  if (isKaspiHost(host)) return "kaspi";
  if (isSatuHost(host)) return "satu";
  return null;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function isKaspiCatalogJson(body: string): boolean {
  try {
    return isKaspiCatalogGrid(JSON.parse(body));
  } catch {
    return false;
  }
}
