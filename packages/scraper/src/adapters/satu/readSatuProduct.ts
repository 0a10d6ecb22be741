import type { ParsedPage, ParsedProduct, Seo } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { absoluteUrl } from "../generic/absoluteUrl.ts";
import { cleanText } from "../generic/cleanText.ts";
import type { PageElements } from "../generic/pageElements.ts";
import { isOfType, readJsonLdNodes } from "../generic/readJsonLdNodes.ts";
import { readParagraphText } from "../generic/readParagraphText.ts";
import { productTypes, readSchemaProduct } from "../generic/readSchemaProduct.ts";
import { readSatuPrice } from "./readSatuPrice.ts";
import { readSatuProductId } from "./readSatuProductId.ts";

/** Satu's presence labels as schema.org availability. */
const availabilityByLabel: ReadonlyArray<readonly [RegExp, string]> = [
  [/нет в наличии|закончил|қоймада жоқ/iu, "OutOfStock"],
  [/в наличии|готово к отправке|готов к отправке|бар|қолда/iu, "InStock"],
  [/под заказ|тапсырыс/iu, "PreOrder"],
  [/ожидается/iu, "BackOrder"],
];
const brandAttributes = ["Производитель", "Бренд", "Торговая марка", "Өндіруші"];

/**
 * A Satu product page (`h1[data-qaid="product_name"]`): title, the price shown (`product_price`, not the
 * crossed-out old price, the wholesale price or a similar product's), the seller company, its city, the
 * characteristics table as attributes. The page's JSON-LD Product fills what the markup lacks. The price and
 * the seller are expected: when neither source has one it is named in `missing`. Null for another page.
 */
export function readSatuProduct($: CheerioAPI, pageUrl: string | null, seo: Seo): ParsedPage | null {
  const heading = $('h1[data-qaid="product_name"]').first();
  const title = cleanText(heading.text());
  if (title === null) return null;
  const own = (selector: string): PageElements =>
    $.root()
      .find(selector)
      .filter((_, element) => $(element).closest('[data-qaid="product_block"]').length === 0);
  const schemaNode = readJsonLdNodes($).find((node) => isOfType(node, productTypes));
  const schema = schemaNode ? readSchemaProduct(schemaNode, pageUrl) : null;

  const shownPrice = readSatuPrice(own('[data-qaid="product_price"]').first());
  const price = shownPrice?.price ?? schema?.price ?? null;
  const currency = shownPrice?.currency ?? schema?.currency ?? (price === null ? null : "KZT");
  const company = own('[data-qaid="company_name"], [data-qaid="company_link"]').first();
  const seller = cleanText(company.text()) ?? schema?.seller ?? null;
  const sellerId = cleanText(company.closest("[data-company-id]").attr("data-company-id")) ?? null;
  const attributes = readAttributes($);
  const canonical = seo.canonical ?? pageUrl;
  const presence = cleanText(own('[data-qaid="presence_data"]').first().text());
  const code = cleanText(own('[data-qaid="product_code"]').first().text())?.replace(
    /^(?:код|код товара|артикул)\s*:\s*/iu,
    "",
  );
  const description = readParagraphText(own('[data-qaid="product_description"]'));
  const ogImage = absoluteUrl($('meta[property="og:image" i]').first().attr("content"), pageUrl);
  const product: ParsedProduct = {
    id: readSatuProductId(canonical) ?? readSatuProductId(pageUrl) ?? schema?.id ?? null,
    title,
    price,
    currency,
    brand:
      schema?.brand ??
      brandAttributes.map((name) => attributes[name]).find((value) => value !== undefined) ??
      null,
    rating: schema?.rating ?? null,
    reviews: schema?.reviews ?? null,
    sellers: seller === null ? [] : [{ name: seller, id: sellerId, price }],
    attributes,
    description: description ?? schema?.description ?? null,
    images: (schema?.images ?? []).length > 0 ? schema?.images : ogImage === null ? [] : [ogImage],
    city: cleanText(own('[data-qaid="company_region"]').first().text()),
    seller,
    url: canonical,
    sku: code ?? schema?.sku ?? null,
    availability: readAvailability(presence) ?? schema?.availability ?? null,
  };
  const missing = [...(price === null ? ["price"] : []), ...(seller === null ? ["seller"] : [])];
  return {
    site: "satu",
    kind: "product",
    url: pageUrl,
    title: seo.title ?? title,
    total: null,
    items: [],
    product,
    offers: [],
    seo,
    missing,
    source: "satu:product",
  };
}

/** The characteristics table: `attribute_name` → `attribute_value` rows; group headers are not attributes. */
function readAttributes($: CheerioAPI): Record<string, string> {
  const attributes: Record<string, string> = {};
  $('[data-qaid="attribute_name"]').each((_, element) => {
    const nameCell = $(element);
    const row = nameCell.closest('[data-qaid="attribute_item"], tr, li');
    const valueCell = (row.length > 0 ? row : nameCell.parent())
      .find('[data-qaid="attribute_value"]')
      .first();
    const name = cleanText(nameCell.text())?.replace(/:$/u, "");
    const value = cleanText(valueCell.text());
    if (name && value !== null && !(name in attributes)) attributes[name] = value;
  });
  return attributes;
}

function readAvailability(label: string | null): string | null {
  if (label === null) return null;
  return availabilityByLabel.find(([pattern]) => pattern.test(label))?.[1] ?? label;
}
