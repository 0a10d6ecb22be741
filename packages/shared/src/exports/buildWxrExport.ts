import { escapeXml, wrapCdata } from "./escapeXml.ts";
import type { ExportProduct, ExportSource } from "./exportProduct.ts";
import { kazakhstanOffsetMs } from "./nameExportFile.ts";
import { slugifyTitle } from "./slugifyTitle.ts";

/** How the shop names a product category for each site the products came from. */
const siteCategoryNames: Readonly<Record<string, string>> = {
  olx: "OLX.kz",
  kaspi: "Kaspi.kz",
  satu: "Satu.kz",
  generic: "Другие сайты",
};

/**
 * Products as a WordPress eXtended RSS 1.2 file for Tools → Import → WordPress: one published WooCommerce
 * product per row, its description and characteristics table as the content, the price in tenge, SKU and
 * stock status as WooCommerce meta, a product category per site.
 */
export function buildWxrExport(products: readonly ExportProduct[], source: ExportSource): Uint8Array {
  // The channel links to where the products were found; base_site_url is left out, there is no WordPress site behind it.
  const siteUrl = source.source_urls[0] ?? "";
  const categories = [...new Set(products.map((product) => product.site))];
  const slugs = new UniqueSlugs();
  const created = Date.parse(source.created_at);
  const items = products.map((product, index) =>
    // The importer skips a post whose title and date match one it has: one second apart, equal titles all import.
    writeItem(product, index + 1, slugs.next(product.title, index + 1), new Date(created + index * 1000)),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>${escapeXml(source.title)}</title>
  <link>${escapeXml(siteUrl)}</link>
  <description>${escapeXml(`Arqan: ${products.length} products, task ${source.task_id}`)}</description>
  <pubDate>${new Date(created).toUTCString()}</pubDate>
  <language>ru-RU</language>
  <wp:wxr_version>1.2</wp:wxr_version>
${categories.map((site, index) => writeCategoryTerm(site, index + 1)).join("\n")}
${items.join("\n")}
</channel>
</rss>
`;
  return new TextEncoder().encode(xml);
}

function writeCategoryTerm(site: string, termId: number): string {
  return `  <wp:term><wp:term_id>${termId}</wp:term_id><wp:term_taxonomy>product_cat</wp:term_taxonomy>\
<wp:term_slug>${wrapCdata(categorySlug(site))}</wp:term_slug><wp:term_parent></wp:term_parent>\
<wp:term_name>${wrapCdata(categoryName(site))}</wp:term_name></wp:term>`;
}

function categoryName(site: string): string {
  return siteCategoryNames[site] ?? site;
}

function categorySlug(site: string): string {
  return slugifyTitle(site) || "site";
}

function writeItem(product: ExportProduct, postId: number, slug: string, posted: Date): string {
  const meta: [string, string][] = [];
  // The shop sells in tenge: a price in another currency is not a shop price.
  if (product.price_kzt !== null) {
    meta.push(["_price", String(product.price_kzt)], ["_regular_price", String(product.price_kzt)]);
  }
  if (product.sku !== null) meta.push(["_sku", product.sku]);
  // An ad or product page that is up means the thing is for sale; only an explicit "sold out" is out of stock.
  meta.push(["_stock_status", product.available === false ? "outofstock" : "instock"]);
  meta.push(["_manage_stock", "no"]);
  if (product.url !== null) meta.push(["_arqan_source_url", product.url]);
  return `  <item>
    <title>${wrapCdata(product.title)}</title>
    <link>${escapeXml(product.url ?? "")}</link>
    <pubDate>${posted.toUTCString()}</pubDate>
    <dc:creator>${wrapCdata("arqan")}</dc:creator>
    <guid isPermaLink="false">${escapeXml(`arqan-${product.site}-${product.external_id ?? postId}`)}</guid>
    <description></description>
    <content:encoded>${wrapCdata(writeProductHtml(product))}</content:encoded>
    <excerpt:encoded>${wrapCdata("")}</excerpt:encoded>
    <wp:post_id>${postId}</wp:post_id>
    <wp:post_date>${wrapCdata(formatWordPressDate(posted, kazakhstanOffsetMs))}</wp:post_date>
    <wp:post_date_gmt>${wrapCdata(formatWordPressDate(posted, 0))}</wp:post_date_gmt>
    <wp:comment_status>closed</wp:comment_status>
    <wp:ping_status>closed</wp:ping_status>
    <wp:post_name>${wrapCdata(slug)}</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:menu_order>0</wp:menu_order>
    <wp:post_type>product</wp:post_type>
    <wp:post_password></wp:post_password>
    <wp:is_sticky>0</wp:is_sticky>
    <category domain="product_cat" nicename="${escapeXml(categorySlug(product.site))}">${wrapCdata(categoryName(product.site))}</category>
    <category domain="product_type" nicename="simple">${wrapCdata("simple")}</category>
${meta.map(([key, value]) => `    <wp:postmeta><wp:meta_key>${wrapCdata(key)}</wp:meta_key><wp:meta_value>${wrapCdata(value)}</wp:meta_value></wp:postmeta>`).join("\n")}
  </item>`;
}

/** The description as paragraphs, then the characteristics as a two-column table, all HTML-escaped. */
function writeProductHtml(product: ExportProduct): string {
  const parts: string[] = [];
  if (product.description !== null && product.description.trim() !== "") {
    const paragraphs = product.description
      .replace(/\r\n?/g, "\n")
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== "");
    parts.push(
      ...paragraphs.map((paragraph) => `<p>${escapeXml(paragraph).replaceAll("\n", "<br />\n")}</p>`),
    );
  }
  const characteristics = Object.entries(product.attributes);
  if (characteristics.length > 0) {
    const rows = characteristics.map(
      ([name, value]) => `<tr><th>${escapeXml(name)}</th><td>${escapeXml(value)}</td></tr>`,
    );
    parts.push(`<table class="product-characteristics"><tbody>\n${rows.join("\n")}\n</tbody></table>`);
  }
  return parts.join("\n");
}

/**
 * `YYYY-MM-DD HH:MM:SS` as WordPress stores post dates, shifted by the given offset from UTC: post_date is
 * the site's local time, and the shops Arqan serves run on Kazakhstan time.
 */
function formatWordPressDate(instant: Date, offsetMs: number): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 19).replace("T", " ");
}

/** Slugs unique within the file: a repeated title gets "-2", "-3"; a title with no letters gets "product-<n>". */
class UniqueSlugs {
  readonly #taken = new Set<string>();

  next(title: string, postId: number): string {
    const base = slugifyTitle(title).slice(0, 190).replace(/-+$/, "") || `product-${postId}`;
    let slug = base;
    for (let copy = 2; this.#taken.has(slug); copy++) slug = `${base}-${copy}`;
    this.#taken.add(slug);
    return slug;
  }
}
