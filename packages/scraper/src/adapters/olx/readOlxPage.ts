import type { ParsedPage } from "@arqan/shared";
import type { PageInput } from "../pageInput.ts";
import { readSeo } from "../seo/readSeo.ts";
import { readOlxAdPage } from "./readOlxAdPage.ts";
import { readOlxListing } from "./readOlxListing.ts";
import { readPrerenderedState } from "./readPrerenderedState.ts";

/**
 * The OLX site reader: a results page or an ad page of OLX (olx.kz and the same platform in other countries),
 * read from the state the page is server-rendered with. Null when the page carries no OLX state it
 * recognises — a captcha, an error page or a JavaScript shell is for the dispatcher to classify.
 */
export function readOlxPage(input: PageInput): ParsedPage | null {
  if (!input.body.includes("__PRERENDERED_STATE__")) return null;
  const state = readPrerenderedState(input.body);
  if (state === null) return null;
  const $ = input.dom();
  const context = { url: input.url, seo: readSeo($, input.url), $ };
  return readOlxAdPage(state, context) ?? readOlxListing(state, context);
}
