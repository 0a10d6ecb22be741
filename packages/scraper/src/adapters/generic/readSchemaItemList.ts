import type { ListingItem } from "@arqan/shared";
import { absoluteUrl } from "./absoluteUrl.ts";
import { asList, asNode, isOfType, type JsonLdNode, textOf } from "./readJsonLdNodes.ts";
import { productToListingItem, productTypes, readSchemaProduct } from "./readSchemaProduct.ts";

/** schema.org types that list the products of a category or a search. BreadcrumbList is not one of them. */
export const itemListTypes = ["ItemList", "OfferCatalog"];

/**
 * The cards of a schema.org ItemList: each element a Product, a ListItem wrapping a Product, or a ListItem
 * that only names and links the product (then it has no price). Ordered by `position` when the list gives it.
 */
export function readSchemaItemList(node: JsonLdNode, pageUrl: string | null): ListingItem[] {
  const entries = asList(node.itemListElement).flatMap((entry, index) => {
    const element = asNode(entry);
    if (element === null) return [];
    const position = Number(textOf(element.position) ?? Number.NaN);
    const item = readListElement(element, pageUrl);
    return item ? [{ item, order: Number.isFinite(position) ? position : index + 1 }] : [];
  });
  return entries.sort((left, right) => left.order - right.order).map((entry) => entry.item);
}

function readListElement(element: JsonLdNode, pageUrl: string | null): ListingItem | null {
  const wrapped = asNode(element.item);
  const productNode = isOfType(element, productTypes)
    ? element
    : wrapped && isOfType(wrapped, productTypes)
      ? wrapped
      : null;
  if (productNode) {
    const product = readSchemaProduct(productNode, pageUrl);
    if (product) {
      const url = product.url ?? absoluteUrl(textOf(element.url), pageUrl);
      return { ...productToListingItem(product), url };
    }
  }
  const title = textOf(element.name) ?? textOf(wrapped?.name);
  if (title === null) return null;
  const href =
    textOf(element.url) ?? textOf(element.item) ?? textOf(wrapped?.url) ?? textOf(wrapped?.["@id"]);
  return {
    id: null,
    title,
    price: null,
    currency: null,
    negotiable: null,
    city: null,
    seller: null,
    promoted: false,
    url: absoluteUrl(href, pageUrl),
  };
}
