import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { isOfType, readJsonLdNodes } from "../generic/readJsonLdNodes.ts";

const carrierTypes = [
  "Product",
  "ProductGroup",
  "IndividualProduct",
  "ItemList",
  "OfferCatalog",
  "Offer",
  "AggregateOffer",
];
const nextDataSchema = z.object({ props: z.object({ pageProps: z.record(z.string(), z.unknown()) }) });

/**
 * Whether the served page already carries the data a reader needs, however little text it shows: JSON-LD
 * with a product or a list, OLX's `window.__PRERENDERED_STATE__`, Kaspi's `BACKEND.components`, a Next.js
 * `__NEXT_DATA__` with page props, `og:type` product, schema.org microdata, Satu/Prom product markup.
 * Such a page is never an empty JavaScript shell.
 */
export function hasDataCarrier($: CheerioAPI, body: string): boolean {
  if (/__PRERENDERED_STATE__|BACKEND\.components\b/u.test(body)) return true;
  if (readJsonLdNodes($).some((node) => isOfType(node, carrierTypes))) return true;
  const ogType = $('meta[property="og:type" i], meta[name="og:type" i]').first().attr("content") ?? "";
  if (/^(?:og:)?product/iu.test(ogType.trim())) return true;
  if (
    $(
      '[itemprop~="price"], [itemtype*="schema.org/Product" i], [data-qaid="product_block"], [data-qaid="product_price"]',
    ).length > 0
  ) {
    return true;
  }
  return hasNextData($);
}

function hasNextData($: CheerioAPI): boolean {
  const script = $("script#__NEXT_DATA__").first();
  if (script.length === 0) return false;
  try {
    const parsed = nextDataSchema.safeParse(JSON.parse(script.text()));
    return parsed.success && Object.keys(parsed.data.props.pageProps).some((key) => !key.startsWith("__"));
  } catch {
    return false;
  }
}
