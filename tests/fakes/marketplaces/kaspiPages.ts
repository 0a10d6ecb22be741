/**
 * Kaspi pages rendered from plain data, in the format kaspi.kz serves them: results pages carry
 * `BACKEND.components.catalogGrid = {…}`, product pages `BACKEND.components.item = {…}`, JSON-LD and the
 * sellers table (with the delivery fee and monthly instalment columns a reader must not take for prices),
 * and merchant price lists are kaspi_catalog XML. For integration tests and the niche research fake server.
 */

export interface KaspiFakeCard {
  /** The product code. */
  id: string;
  title: string;
  /** Whole tenge. */
  price: number;
  rating: number;
  reviews: number;
  brand?: string;
  /** Shown as an advertisement in the results. */
  promoted?: boolean;
}

export interface KaspiFakeSearchPage {
  cards: KaspiFakeCard[];
  total: number;
  /** 1-based. */
  page: number;
  query?: string;
  /** Kaspi city id of the prices shown; Almaty by default. */
  cityId?: string;
}

export interface KaspiFakeSeller {
  name: string;
  /** The merchant id. */
  id: string;
  /** Whole tenge. */
  price: number;
  /** An "Express" delivery fee shown in the row before the price. */
  expressFee?: number;
}

export interface KaspiFakeProduct {
  id: string;
  title: string;
  /** The product card's price (normally the lowest seller's). */
  price: number;
  brand: string;
  rating: number;
  reviews: number;
  sellers: KaspiFakeSeller[];
  /** Characteristics: { "Материал": "хлопок" }. */
  attributes?: Record<string, string>;
  /** Name of the city in the page title ("Алматы"). */
  cityName?: string;
}

export interface KaspiFakeOffer {
  sku: string;
  model: string;
  brand: string;
  /** A single price (<price>). */
  price?: number;
  /** Prices per Kaspi city id (<cityprices>). */
  cityPrices?: Record<string, number>;
  available: boolean;
}

export interface KaspiFakeFeed {
  offers: KaspiFakeOffer[];
  company?: string;
  merchantId?: string;
  /** The prefixed namespace form (<kaspi:offer>) instead of the default xmlns="kaspiShopping". */
  prefixed?: boolean;
}

const cardsPerPage = 12;

/** The product URL the fake gives a card: https://kaspi.kz/shop/p/<slug>-<id>/?c=<city>. */
export function kaspiFakeProductUrl(card: Pick<KaspiFakeCard, "id" | "title">, cityId = "750000000"): string {
  return `https://kaspi.kz/shop/p/${slugOf(card.title)}-${card.id}/?c=${cityId}`;
}

/** A category or search results page with its catalog grid. */
export function renderKaspiSearchPage(page: KaspiFakeSearchPage): string {
  const cityId = page.cityId ?? "750000000";
  const grid = {
    typePage: "resultSearch",
    limit: cardsPerPage,
    total: page.total,
    filterCategory: ":category:Categories",
    categoryId: "Categories",
    searchQuery: page.query ?? "",
    cards: page.cards.map((card) => ({
      title: card.title,
      // Kaspi writes card links relative to the shop.
      shopLink: `p/${slugOf(card.title)}-${card.id}/?c=${cityId}`,
      reviewsLink: `p/${slugOf(card.title)}-${card.id}/?c=${cityId}&tab=reviews`,
      reviewsQuantity: card.reviews,
      priceFormatted: `${formatTenge(card.price)} ₸`,
      previewImages: [],
      monthlyInstallment: {
        id: 3,
        formattedPerMonth: `${formatTenge(Math.ceil(card.price / 3))} ₸`,
        installment: true,
      },
      id: card.id,
      currency: "KZT",
      creditMonthlyPrice: Math.ceil(card.price / 3),
      brand: card.brand ?? "Без бренда",
      stock: 1,
      unitPrice: card.price,
      discount: 0,
      unitSalePrice: card.price,
      rating: card.rating,
      ...(card.promoted ? { isPromoted: true } : {}),
    })),
    listId: "PL",
  };
  const cards = page.cards
    .map(
      (card) =>
        `<div class="item-card" data-product-id="${escapeHtml(card.id)}"><a class="item-card__name-link" href="${escapeHtml(kaspiFakeProductUrl(card, cityId))}">${escapeHtml(card.title)}</a>` +
        `<div class="item-card__rating"><span class="rating _${Math.round(card.rating * 10)}"></span><a>(${card.reviews} отзывов)</a></div>` +
        `<div class="item-card__prices-price">${formatTenge(card.price)} ₸</div></div>`,
    )
    .join("\n");
  const title = page.query ? `Результаты поиска по запросу «${page.query}»` : "Каталог";
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Kaspi Магазин</title></head>
<body><div id="app"><h1>${escapeHtml(title)}</h1><div class="item-cards-grid">
${cards}
</div><div class="pagination"><li class="pagination__el _active">${page.page}</li></div></div>
<script>
  BACKEND.config.contextPath = '/shop';
  BACKEND.components.catalogGrid = ${scriptJson(grid)};
</script>
</body></html>
`;
}

/** A product page as the browser shows it, sellers table included. */
export function renderKaspiProductPage(product: KaspiFakeProduct): string {
  const cityName = product.cityName ?? "Алматы";
  const slug = `${slugOf(product.title)}-${product.id}`;
  const item = {
    card: {
      id: product.id,
      title: product.title,
      shopLink: `/p/${slug}/`,
      currency: "",
      promoConditions: { brand: product.brand },
      price: product.price,
      discount: 0,
    },
    galleryImages: [],
    description: null,
    specifications: [
      {
        code: "Main",
        name: "",
        features: Object.entries(product.attributes ?? {}).map(([name, value]) => ({
          name,
          featureValues: [{ value }],
        })),
      },
    ],
  };
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    productID: product.id,
    sku: product.id,
    name: product.title,
    brand: product.brand,
    offers: [
      { "@type": "AggregateOffer", lowPrice: null },
      { "@type": "Offer", price: String(product.price), priceCurrency: "KZT", availability: "InStock" },
    ],
  };
  const rows = product.sellers
    .map((seller) => {
      const link = `/shop/info/merchant/${escapeHtml(seller.id)}/review/?productCode=${escapeHtml(product.id)}&amp;tabId=PRODUCT`;
      const express =
        seller.expressFee === undefined
          ? ""
          : `<div class="sellers-table__delivery-cell-option"><span class="seller-item__delivery-option-link">Express, <span class="sellers-table__delivery-date">за 3 часа, </span><span class="sellers-table__delivery-price">${formatTenge(seller.expressFee)} ₸</span></span></div>`;
      return (
        `<tr><td class="sellers-table__cell"><a href="${link}">${escapeHtml(seller.name)}</a><div class="sellers-table__rating-wrapper"><div class="rating _seller _48"></div><a href="${link}" class="rating-count">(120 отзывов)</a></div></td>` +
        `<td class="sellers-table__cell"></td>` +
        `<td class="sellers-table__cell"><div class="sellers-table__delivery-cell-option"><span class="seller-item__delivery-option-link">Доставка, <span class="sellers-table__delivery-date">завтра</span></span></div>${express}</td>` +
        `<td class="sellers-table__cell"><div class="sellers-table__price-cell-text">${formatTenge(seller.price)}&nbsp;₸</div></td>` +
        `<td class="sellers-table__cell"><div class="sellers-table__price-cell-text _installments-price">${formatTenge(Math.ceil(seller.price / 3))}&nbsp;₸</div></td>` +
        `<td class="sellers-table__cell">&nbsp;</td><td class="sellers-table__cell"><div class="sellers-table__buy-cell-button button">Выбрать</div></td></tr>`
      );
    })
    .join("");
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>Купить ${escapeHtml(product.title)} в ${escapeHtml(cityName)} – Магазин на Kaspi.kz</title>
<link rel="canonical" href="https://kaspi.kz/shop/p/${escapeHtml(slug)}/">
<script type="application/ld+json">${scriptJson(jsonLd)}</script>
</head>
<body><div id="app"><div class="item"><div class="item__description">
<div class="item__sku">Код товара: ${escapeHtml(product.id)}</div>
<h1 class="item__heading">${escapeHtml(product.title)}</h1>
<div class="item__rating"><span class="rating _${Math.round(product.rating * 10)}"></span>&nbsp;<a class="item__rating-link"><span>(${product.reviews} отзывов)</span></a></div>
<div class="item__price"><div class="item__price-once">${formatTenge(product.price)}&nbsp;₸</div><div class="item__price-month">${formatTenge(Math.ceil(product.price / 3))} ₸</div></div>
</div>
<div class="sellers-table"><table class="sellers-table__self"><thead><tr><th class="sellers-table__header"></th></tr></thead><tbody>${rows}</tbody></table></div>
</div></div>
<script>
  BACKEND.state.productId = "${escapeHtml(product.id)}";
  BACKEND.components.item = ${scriptJson(item)};
</script>
</body></html>
`;
}

/** A merchant's price list (kaspi_catalog XML). */
export function renderKaspiFeed(feed: KaspiFakeFeed): string {
  const p = feed.prefixed ? "kaspi:" : "";
  const namespace = feed.prefixed ? 'xmlns:kaspi="kaspiShopping"' : 'xmlns="kaspiShopping"';
  const offers = feed.offers
    .map((offer) => {
      const prices = [
        offer.price === undefined ? "" : `      <${p}price>${offer.price}</${p}price>\n`,
        offer.cityPrices === undefined
          ? ""
          : `      <${p}cityprices>\n${Object.entries(offer.cityPrices)
              .map(
                ([cityId, price]) =>
                  `        <${p}cityprice cityId="${escapeXml(cityId)}">${price}</${p}cityprice>\n`,
              )
              .join("")}      </${p}cityprices>\n`,
      ].join("");
      return (
        `    <${p}offer sku="${escapeXml(offer.sku)}">\n` +
        `      <${p}model>${escapeXml(offer.model)}</${p}model>\n` +
        `      <${p}brand>${escapeXml(offer.brand)}</${p}brand>\n` +
        `      <${p}availabilities>\n` +
        `        <${p}availability available="${offer.available ? "yes" : "no"}" storeId="${escapeXml(feed.merchantId ?? "30000001")}_PP1"/>\n` +
        `      </${p}availabilities>\n` +
        prices +
        `    </${p}offer>\n`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>
<${p}kaspi_catalog date="2026-03-01" ${namespace}
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="kaspiShopping http://kaspi.kz/kaspishopping.xsd">
  <${p}company>${escapeXml(feed.company ?? "Test Merchant")}</${p}company>
  <${p}merchantid>${escapeXml(feed.merchantId ?? "30000001")}</${p}merchantid>
  <${p}offers>
${offers}  </${p}offers>
</${p}kaspi_catalog>
`;
}

function formatTenge(amount: number): string {
  return amount.toLocaleString("ru-RU").replace(/[\u00a0\u202f]/g, " ");
}

/** JSON safe inside a <script>: no "</script>" can close it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function slugOf(title: string): string {
  const latin = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return latin || "product";
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function escapeXml(text: string): string {
  return escapeHtml(text).replace(/'/g, "&apos;");
}
