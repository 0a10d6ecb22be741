import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { ParsedPage, SiteChoice } from "@arqan/shared";
import { createPageInput } from "../adapters/pageInput.ts";
import { readPage } from "../adapters/readPage.ts";

export class PageTooLargeError extends Error {
  override name = "PageTooLargeError";
  readonly code = "too_large";
}

const contentTypes: Record<string, string> = {
  ".json": "application/json",
  ".xml": "application/xml",
  ".html": "text/html",
  ".htm": "text/html",
};

/** Reads a saved page (HTML, JSON or a price-list XML) from disk, as `arqan parse <file>` does. */
export async function parseFile(
  path: string,
  options: { url: string | null; site: SiteChoice; maxPageBytes: number },
): Promise<ParsedPage> {
  const size = (await stat(path)).size;
  if (size > options.maxPageBytes) {
    throw new PageTooLargeError(
      `${path} is ${size} bytes, over the ${options.maxPageBytes}-byte page limit (ARQAN_SCRAPER_MAX_PAGE_BYTES)`,
    );
  }
  const started = performance.now();
  const body = await readFile(path, "utf8");
  const page = readPage(
    createPageInput({
      url: options.url,
      body,
      contentType: contentTypes[extname(path).toLowerCase()] ?? null,
      status: null,
      site: options.site,
    }),
  );
  return {
    ...page,
    fetch: { path: "file", status: null, ms: Math.round(performance.now() - started), bytes: size },
  };
}
