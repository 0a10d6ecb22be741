import type { SiteChoice } from "@arqan/shared";
import { type CrawlOptions, type CrawlResult, crawlPages } from "../crawl/crawlPages.ts";

/** Fetches and reads one page (HTTP first, the browser when it needs one): the CLI's and the service's unit of work. */
export async function parseUrl(
  url: string,
  options: { site: SiteChoice; browser: "auto" | "never" | "always" } & Partial<CrawlOptions>,
): Promise<CrawlResult> {
  let found: CrawlResult | null = null;
  await crawlPages({
    ...options,
    urls: [url],
    followPages: 0,
    onPage: (result) => {
      found ??= result;
    },
  });
  if (found === null) throw new Error(`The crawl of ${url} ended without a result`);
  return found;
}
