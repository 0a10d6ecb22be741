import type { FeedOffer, ListingItem, ParsedPage, ParsedProduct } from "../research/parsedPage.ts";
import type { ExportProduct } from "./exportProduct.ts";

/**
 * The exportable products of one parsed page, so `npx arqan parse` output exports without a database:
 * every listing card, the product of a product page, every offer of a merchant feed, in page order.
 * Blocked, empty and error pages give none.
 */
export function toExportProducts(page: ParsedPage): ExportProduct[] {
  return [
    ...page.items.map((item) => fromListingItem(page, item)),
    ...(page.product ? [fromProduct(page, page.product)] : []),
    ...page.offers.map((offer) => fromFeedOffer(page, offer)),
  ];
}

/** Only a price already in tenge is a tenge price: the exports do not convert currencies. */
function priceInTenge(price: number | null, currency: string | null): number | null {
  return price !== null && currency?.toUpperCase() === "KZT" ? price : null;
}

function fromListingItem(page: ParsedPage, item: ListingItem): ExportProduct {
  return {
    site: page.site,
    external_id: item.id,
    title: item.title,
    price: item.price,
    currency: item.currency,
    price_kzt: priceInTenge(item.price, item.currency),
    negotiable: item.negotiable,
    city: item.city,
    seller: item.seller,
    seller_type: item.seller_type ?? null,
    promoted: item.promoted,
    url: item.url,
    rating: item.rating ?? null,
    reviews: item.reviews ?? null,
    views: item.views ?? null,
    posted_at: item.posted_at ?? null,
    brand: null,
    sku: null,
    available: null,
    sellers: [],
    attributes: {},
    description: null,
    images: [],
  };
}

function fromProduct(page: ParsedPage, product: ParsedProduct): ExportProduct {
  return {
    site: page.site,
    external_id: product.id,
    title: product.title,
    price: product.price,
    currency: product.currency,
    price_kzt: priceInTenge(product.price, product.currency),
    negotiable: product.negotiable ?? null,
    city: product.city ?? null,
    seller: product.seller ?? null,
    seller_type: null,
    promoted: false,
    url: product.url ?? page.url,
    rating: product.rating,
    reviews: product.reviews,
    views: null,
    posted_at: null,
    brand: product.brand,
    sku: product.sku ?? null,
    available: readAvailability(product.availability ?? null),
    sellers: product.sellers.map((seller) => ({ ...seller })),
    attributes: { ...product.attributes },
    description: product.description ?? null,
    images: [...(product.images ?? [])],
  };
}

/** schema.org availability as pages give it ("InStock", "https://schema.org/OutOfStock"); other words are unknown. */
function readAvailability(availability: string | null): boolean | null {
  const word = availability?.split("/").pop()?.toLowerCase();
  if (
    word === "instock" ||
    word === "limitedavailability" ||
    word === "onlineonly" ||
    word === "instoreonly"
  ) {
    return true;
  }
  if (word === "outofstock" || word === "soldout" || word === "discontinued") return false;
  return null;
}

/** Kaspi and Satu merchant price lists are priced in tenge; another feed does not say its currency. */
function feedCurrency(page: ParsedPage): string | null {
  return page.site === "kaspi" || page.site === "satu" ? "KZT" : null;
}

function fromFeedOffer(page: ParsedPage, offer: FeedOffer): ExportProduct {
  const currency = feedCurrency(page);
  return {
    site: page.site,
    external_id: offer.sku,
    title: offer.model ?? offer.sku,
    price: offer.price,
    currency: offer.price === null ? null : currency,
    price_kzt: priceInTenge(offer.price, currency),
    negotiable: null,
    city: null,
    seller: null,
    seller_type: null,
    promoted: false,
    url: null,
    rating: null,
    reviews: null,
    views: null,
    posted_at: null,
    brand: offer.brand,
    sku: offer.sku,
    available: offer.available,
    sellers: [],
    attributes: {},
    description: null,
    images: [],
  };
}
