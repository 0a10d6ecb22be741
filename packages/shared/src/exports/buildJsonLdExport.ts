import type { ExportProduct, ExportSeller, ExportSource } from "./exportProduct.ts";

type JsonLdNode = { "@type": string } & Record<string, unknown>;

/**
 * Products as a schema.org ItemList of Product in JSON-LD, the vocabulary search engines and shop feeds
 * read: an Offer with price, currency, availability and seller; an AggregateOffer (lowest and highest
 * price, count, and each seller's Offer) when several sellers sell the product; brand, SKU, rating and
 * characteristics as PropertyValues.
 */
export function buildJsonLdExport(products: readonly ExportProduct[], source: ExportSource): Uint8Array {
  const list = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: source.title,
    dateCreated: source.created_at,
    numberOfItems: products.length,
    itemListElement: products.map((product, index) => ({
      "@type": "ListItem",
      position: index + 1,
      item: describeProduct(product),
    })),
  };
  // "<" escaped so the file can be pasted into a <script type="application/ld+json"> as it is.
  const json = JSON.stringify(list, null, 2).replaceAll("<", "\\u003c");
  return new TextEncoder().encode(`${json}\n`);
}

function describeProduct(product: ExportProduct): JsonLdNode {
  const node: JsonLdNode = { "@type": "Product", name: product.title };
  if (product.external_id !== null) node.productID = product.external_id;
  if (product.sku !== null) node.sku = product.sku;
  if (product.brand !== null) node.brand = { "@type": "Brand", name: product.brand };
  if (product.description !== null) node.description = product.description;
  if (product.url !== null) node.url = product.url;
  if (product.images.length > 0) node.image = product.images;
  if (product.rating !== null) {
    const rating: JsonLdNode = { "@type": "AggregateRating", ratingValue: product.rating };
    if (product.reviews !== null) rating.reviewCount = product.reviews;
    node.aggregateRating = rating;
  }
  const characteristics = Object.entries(product.attributes);
  if (characteristics.length > 0) {
    node.additionalProperty = characteristics.map(([name, value]) => ({
      "@type": "PropertyValue",
      name,
      value,
    }));
  }
  const offers = describeOffers(product);
  if (offers) node.offers = offers;
  return node;
}

/** One seller (or none named) gives an Offer; several give an AggregateOffer over their priced offers. */
function describeOffers(product: ExportProduct): JsonLdNode | null {
  const priced = product.sellers.filter(
    (seller): seller is ExportSeller & { price: number } => seller.price !== null,
  );
  if (product.sellers.length > 1 && priced.length > 0) {
    const prices = priced.map((seller) => seller.price);
    const aggregate: JsonLdNode = {
      "@type": "AggregateOffer",
      lowPrice: Math.min(...prices),
      highPrice: Math.max(...prices),
      offerCount: product.sellers.length,
      offers: priced.map((seller) =>
        describeOffer(product, seller.price, describeSeller(seller.name, "business")),
      ),
    };
    if (product.currency !== null) aggregate.priceCurrency = product.currency;
    const availability = describeAvailability(product.available);
    if (availability) aggregate.availability = availability;
    return aggregate;
  }
  const onlySeller = product.sellers[0];
  const price = onlySeller?.price ?? product.price;
  if (price === null) return null;
  const sellerName = onlySeller?.name ?? product.seller;
  const seller = sellerName === null ? null : describeSeller(sellerName, product.seller_type);
  return describeOffer(product, price, seller);
}

function describeOffer(product: ExportProduct, price: number, seller: JsonLdNode | null): JsonLdNode {
  const offer: JsonLdNode = { "@type": "Offer", price };
  if (product.currency !== null) offer.priceCurrency = product.currency;
  const availability = describeAvailability(product.available);
  if (availability) offer.availability = availability;
  if (product.url !== null) offer.url = product.url;
  if (seller) offer.seller = seller;
  return offer;
}

/** A private person selling their own thing is a Person; a shop or a marketplace merchant an Organization. */
function describeSeller(name: string, sellerType: ExportProduct["seller_type"]): JsonLdNode {
  return { "@type": sellerType === "private" ? "Person" : "Organization", name };
}

function describeAvailability(available: boolean | null): string | null {
  if (available === null) return null;
  return available ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
}
