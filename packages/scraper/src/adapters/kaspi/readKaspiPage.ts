import { emptySeo, type ParsedPage } from "@arqan/shared";
import type { PageInput } from "../pageInput.ts";
import { readSeo } from "../seo/readSeo.ts";
import { readKaspiCatalogGrid } from "./readKaspiCatalogGrid.ts";
import { looksLikeKaspiFeed, readKaspiFeed } from "./readKaspiFeed.ts";
import { readKaspiProductPage } from "./readKaspiProductPage.ts";
import { readScriptObject } from "./readScriptObject.ts";

const catalogGridName = "BACKEND.components.catalogGrid";

/**
 * The Kaspi site reader: a merchant's price-list XML, a bare catalog grid JSON (as saved from a category
 * page), a category or search results page, or a product page. Null when it finds no Kaspi data — a captcha,
 * "доступ ограничен" or an empty shell is for the dispatcher to classify; a Kaspi page whose data moved is
 * returned with the fields it could not read in `missing`.
 */
export function readKaspiPage(input: PageInput): ParsedPage | null {
  const start = input.body.replace(/^\uFEFF/, "").trimStart();
  if (looksLikeKaspiFeed(start)) return readKaspiFeed(input.body, input.url);
  if (start.startsWith("{")) return readBareCatalogGrid(start, input.url);

  const $ = input.dom();
  const seo = readSeo($, input.url);
  const context = { url: input.url, seo };
  for (const name of gridComponentNames(input.body)) {
    const page = readKaspiCatalogGrid(readScriptObject(input.body, `BACKEND.components.${name}`), context);
    if (page !== null) return page;
  }
  if (input.body.includes(catalogGridName)) {
    // The results page still names its catalog grid but the grid no longer reads: a changed layout.
    return {
      site: "kaspi",
      kind: "listing",
      url: input.url ?? seo.canonical,
      title: seo.title,
      total: null,
      items: [],
      product: null,
      offers: [],
      seo,
      missing: ["total", "items"],
      source: "kaspi:catalog-grid",
    };
  }
  return readKaspiProductPage({ url: input.url, body: input.body, seo, $ });
}

/** A catalog grid saved on its own (`npx arqan parse kaspi-category-grid.json --site kaspi`). */
function readBareCatalogGrid(body: string, url: string | null): ParsedPage | null {
  let grid: unknown;
  try {
    grid = JSON.parse(body);
  } catch {
    return null;
  }
  return readKaspiCatalogGrid(grid, { url, seo: emptySeo() });
}

/**
 * The page's `BACKEND.components.<name> = {…}` assignments that may hold its results: the catalog grid
 * first, then any other grid, search or results component (a renamed grid), never the product card.
 */
function gridComponentNames(body: string): string[] {
  const names = new Set<string>();
  if (body.includes(catalogGridName)) names.add("catalogGrid");
  for (const match of body.matchAll(/BACKEND\.components\.(\w+)\s*=\s*\{/g)) {
    const name = match[1];
    if (name !== undefined && /grid|search|result|catalog/i.test(name)) names.add(name);
  }
  return [...names];
}
