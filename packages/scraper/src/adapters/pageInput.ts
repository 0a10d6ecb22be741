import type { ParsedPage, SiteChoice } from "@arqan/shared";
import { type CheerioAPI, load } from "cheerio";

/** One fetched (or read from disk) page, as every site reader receives it. */
export interface PageInput {
  /** The page's original URL when known (a file read with `--url`, or the fetched URL after redirects). */
  url: string | null;
  body: string;
  /** The response's Content-Type, null for a file. */
  contentType: string | null;
  /** The HTTP status, null for a file. */
  status: number | null;
  /** Which reader to use; `auto` picks by the URL's host, then by what the page carries. */
  site: SiteChoice;
  /** The parsed HTML, built on first use and shared by every reader that looks at the page. */
  dom(): CheerioAPI;
}

/** Wraps a body into a PageInput whose DOM is parsed at most once. */
export function createPageInput(init: Omit<PageInput, "dom" | "site"> & { site?: SiteChoice }): PageInput {
  let parsed: CheerioAPI | null = null;
  return {
    url: init.url,
    body: init.body,
    contentType: init.contentType,
    status: init.status,
    site: init.site ?? "auto",
    dom() {
      // htmlparser2 in HTML mode (as Crawlee's CheerioCrawler parses): about 4× faster than parse5 on a 30 KB shop
      // page, and lenient with the broken markup real sites serve.
      parsed ??= load(init.body, { xml: { xmlMode: false, decodeEntities: true } });
      return parsed;
    },
  };
}

/** A site reader: a ParsedPage when it recognises the page, null to let the next reader try. */
export type SiteReader = (input: PageInput) => ParsedPage | null;
