import { buildKaspiSearchUrl } from "../adapters/kaspi/buildKaspiSearchUrl.ts";
import { buildOlxSearchUrl } from "../adapters/olx/buildOlxSearchUrl.ts";
import { buildSatuSearchUrl } from "../adapters/satu/buildSatuSearchUrl.ts";
import type { NicheSite, NicheTaskInput } from "../tasks/parserTask.ts";

export interface NicheSearch {
  site: NicheSite;
  url: string;
}

/** The first search page of each site a niche is researched on; the crawl follows their pagination. */
export function buildNicheSearchUrls(
  input: NicheTaskInput,
  baseUrls: Record<NicheSite, string>,
): NicheSearch[] {
  const { query, city } = input;
  const build: Record<NicheSite, () => string> = {
    olx: () => buildOlxSearchUrl({ query, city, page: 1, baseUrl: baseUrls.olx }),
    kaspi: () => buildKaspiSearchUrl({ query, city, page: 1, baseUrl: baseUrls.kaspi }),
    satu: () => buildSatuSearchUrl({ query, page: 1, baseUrl: baseUrls.satu }),
  };
  return input.sites.map((site) => ({ site, url: build[site]() }));
}
