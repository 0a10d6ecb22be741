import type { ListingItem, ParsedProduct, ProductSeller } from "@arqan/shared";
import { absoluteUrl } from "./absoluteUrl.ts";
import { parsePriceText } from "./parsePriceText.ts";
import { readCurrencyCode } from "./readCurrencyCode.ts";
import { asList, asNode, isOfType, type JsonLdNode, textOf } from "./readJsonLdNodes.ts";
import { roundMoney } from "./roundMoney.ts";

/** schema.org types that describe something for sale. */
export const productTypes = ["Product", "ProductGroup", "IndividualProduct", "ProductModel", "SomeProducts"];

interface SchemaOffer {
  price: number | null;
  lowPrice: number | null;
  currency: string | null;
  availability: string | null;
  seller: { name: string; id: string | null } | null;
  url: string | null;
}

/**
 * A schema.org Product as the normalized product. The price is the lowest one the offers give: an Offer's
 * `price` (a number or a string such as "2 810,00"), an AggregateOffer's `lowPrice`, a `priceSpecification`;
 * a null among them is simply no price. Offers naming a seller become the product's sellers. Null when the
 * Product has no name.
 */
export function readSchemaProduct(node: JsonLdNode, pageUrl: string | null): ParsedProduct | null {
  const title = textOf(node.name);
  if (title === null) return null;
  const offers = readOffers(node.offers, pageUrl);
  const prices = offers.flatMap((offer) => [offer.price, offer.lowPrice]).filter(isNumber);
  const currency = offers.find((offer) => offer.currency !== null)?.currency ?? null;
  const price = prices.length > 0 ? roundMoney(Math.min(...prices), currency) : null;
  const sellers: ProductSeller[] = offers.flatMap((offer) =>
    offer.seller ? [{ ...offer.seller, price: roundMoney(offer.price ?? offer.lowPrice, currency) }] : [],
  );
  const rating = asNode(node.aggregateRating);
  const sku = textOf(node.sku) ?? textOf(node.mpn);
  return {
    id: textOf(node.productID) ?? sku,
    title,
    price,
    currency,
    brand: readName(node.brand),
    rating: parsePriceText(textOf(rating?.ratingValue), { decimalDot: true }),
    reviews: readCount(rating?.reviewCount) ?? readCount(rating?.ratingCount),
    sellers,
    description: textOf(node.description),
    images: readImages(node.image, pageUrl),
    url: absoluteUrl(textOf(node.url), pageUrl) ?? offers.find((offer) => offer.url !== null)?.url ?? null,
    sku,
    availability: offers.find((offer) => offer.availability !== null)?.availability ?? null,
    seller: sellers[0]?.name ?? null,
  };
}

/** The product as a card of a listing. */
export function productToListingItem(product: ParsedProduct): ListingItem {
  return {
    id: product.id,
    title: product.title,
    price: product.price,
    currency: product.currency,
    negotiable: null,
    city: product.city ?? null,
    seller: product.seller ?? null,
    promoted: false,
    url: product.url ?? null,
    rating: product.rating,
    reviews: product.reviews,
  };
}

function readOffers(value: unknown, pageUrl: string | null): SchemaOffer[] {
  return asList(value).flatMap((entry): SchemaOffer[] => {
    const offer = asNode(entry);
    if (offer === null) return [];
    const nested = isOfType(offer, ["AggregateOffer"]) ? readOffers(offer.offers, pageUrl) : [];
    const specification =
      asList(offer.priceSpecification)
        .map(asNode)
        .find((spec) => spec !== null) ?? null;
    const currencyText = textOf(offer.priceCurrency) ?? textOf(specification?.priceCurrency);
    const priceValue = offer.price ?? specification?.price;
    const own: SchemaOffer = {
      price: parsePriceText(typeof priceValue === "number" ? priceValue : textOf(priceValue), {
        decimalDot: true,
      }),
      lowPrice: parsePriceText(textOf(offer.lowPrice), { decimalDot: true }),
      currency: readCurrencyCode(currencyText),
      availability: readAvailability(offer.availability),
      seller: readSeller(offer.seller),
      url: absoluteUrl(textOf(offer.url), pageUrl),
    };
    return [own, ...nested];
  });
}

function readSeller(value: unknown): { name: string; id: string | null } | null {
  const text = textOf(value);
  if (text !== null) return { name: text, id: null };
  const seller = asNode(value);
  const name = textOf(seller?.name) ?? textOf(seller?.legalName);
  if (seller === null || name === null) return null;
  return { name, id: textOf(seller.identifier) ?? textOf(seller.id) };
}

/** "https://schema.org/InStock" and "InStock" both read as "InStock". */
function readAvailability(value: unknown): string | null {
  const text = textOf(value);
  return text === null ? null : text.replace(/^(?:https?:\/\/)?schema\.org\//iu, "");
}

/** A brand written as "Apple", as {"@type": "Brand", "name": "Apple"}, or as a list of those. */
function readName(value: unknown): string | null {
  for (const entry of asList(value)) {
    const name = textOf(entry) ?? textOf(asNode(entry)?.name);
    if (name !== null) return name;
  }
  return null;
}

/** Images written as a URL, an ImageObject, or a list of either. */
function readImages(value: unknown, pageUrl: string | null): string[] {
  return asList(value).flatMap((entry) => {
    const image = asNode(entry);
    const href = textOf(entry) ?? textOf(image?.url) ?? textOf(image?.contentUrl);
    const url = absoluteUrl(href, pageUrl);
    return url === null ? [] : [url];
  });
}

function readCount(value: unknown): number | null {
  const count = parsePriceText(textOf(value));
  return count === null ? null : Math.round(count);
}

function isNumber(value: number | null): value is number {
  return value !== null;
}
