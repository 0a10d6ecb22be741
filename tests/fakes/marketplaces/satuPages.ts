import { escapeHtml, formatShopPrice, scriptJson } from "./shopPages.ts";

/**
 * Satu.kz pages as its platform (Prom/EVO) serves them: `data-qaid` markup, JSON-LD on product pages,
 * relative links so a crawler pointed at a fake server stays on it.
 */

export interface FakeSatuProduct {
  id: number;
  title: string;
  /** Tenge; null when the seller asks to check the price ("Цену уточняйте"). */
  price: number | null;
  /** The selling company. */
  seller: string;
  sellerId?: number;
  city?: string;
  /** An advertised tile ("Реклама"). */
  promoted?: boolean;
  /** The presence label: "В наличии" by default. */
  presence?: string;
  /** The characteristics table. */
  attributes?: Readonly<Record<string, string>>;
  description?: string;
  brand?: string;
}

export interface FakeSatuSearchPage {
  products: readonly FakeSatuProduct[];
  /** The results Satu reports in all ("Найдено N товаров"); 0 renders "ничего не найдено". */
  total: number;
  page: number;
  pages: number;
  query?: string;
}

/** A product's path on Satu: /p<id>-<slug>.html. */
export function satuProductPath(product: Pick<FakeSatuProduct, "id" | "title">): string {
  const slug = product.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `/p${product.id}-${slug === "" ? "tovar" : slug}.html`;
}

function searchPath(query: string, page: number): string {
  const params = new URLSearchParams({ search_term: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

function satuLayout(options: { title: string; head: string; main: string }): string {
  return `<!DOCTYPE html>
<html lang="ru" class="js-html">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title)}</title>
  ${options.head}
</head>
<body class="b-body">
<div id="page-block" data-qaid="page_block">
  <header class="l-GwW fvQVX" data-qaid="header">
    <a href="/" class="M3v0L" data-qaid="logo_link">Satu.kz</a>
    <form action="/search" data-qaid="search_form"><input type="text" name="search_term" data-qaid="search_input"><button type="submit" data-qaid="search_btn">Найти</button></form>
    <a href="/shopping_cart" data-qaid="shopping_cart">Корзина <span data-qaid="cart_counter">0</span></a>
  </header>
${options.main}
  <footer class="PtQkq" data-qaid="footer"><p>© 2008–2025 Satu.kz — маркетплейс Казахстана</p></footer>
</div>
<script src="/static/js/app.js" defer></script>
</body>
</html>`;
}

function priceMarkup(price: number | null): string {
  if (price === null) return '<div class="bkjEo" data-qaid="product_price_on_request">Цену уточняйте</div>';
  const amount = formatShopPrice(price).replace("\u00a0₸", "");
  return `<div class="bkjEo L2kbr" data-qaid="product_price" data-qaprice="${price}" data-qacurrency="KZT"><span>${escapeHtml(amount)}</span>&nbsp;<span data-qaid="currency">₸</span></div>`;
}

function productTile(product: FakeSatuProduct): string {
  const href = escapeHtml(satuProductPath(product));
  const title = escapeHtml(product.title);
  return `      <div class="l-GwW M3v0L" data-qaid="product_block" data-product-id="${product.id}" data-company-id="${product.sellerId ?? 1000 + product.id}">
        ${product.promoted ? '<span class="Qn0sF" data-qaid="advert_label">Реклама</span>' : ""}
        <a href="${href}" class="sqQa8" data-qaid="product_link" title="${title}"><img src="/images/${product.id}_w200_h200.jpg" alt="${title}" data-qaid="image_link"></a>
        <div class="M3v0L">
          <a href="${href}" class="yB5Hp" data-qaid="product_link"><span class="ZEB1o" data-qaid="product_name">${title}</span></a>
          <span class="hnDhS" data-qaid="product_presence">${escapeHtml(product.presence ?? "В наличии")}</span>
          ${priceMarkup(product.price)}
          <a href="/c${product.sellerId ?? 1000 + product.id}-company.html" class="xRdVm" data-qaid="company_link"><span data-qaid="company_name">${escapeHtml(product.seller)}</span></a>
          ${product.city ? `<span class="cVxXH" data-qaid="region_title">${escapeHtml(product.city)}</span>` : ""}
        </div>
      </div>`;
}

function paginationMarkup(query: string, page: number, pages: number): string {
  if (pages <= 1) return "";
  const numbers = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const links = numbers.map((n) =>
    n === page
      ? `<span class="GvEQc" data-qaid="pages" aria-current="page">${n}</span>`
      : `<a href="${escapeHtml(searchPath(query, n))}" data-qaid="pages">${n}</a>`,
  );
  const next =
    page < pages
      ? `<a href="${escapeHtml(searchPath(query, page + 1))}" data-qaid="next_page" rel="next">Следующая</a>`
      : "";
  return `    <div class="Z8p3G" data-qaid="pagination">${links.join(" ")} ${next}</div>`;
}

/** Russian plural of "товар" after a number: 1 товар, 2 товара, 5 товаров. */
function goodsWord(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return "товаров";
  if (last === 1) return "товар";
  if (last >= 2 && last <= 4) return "товара";
  return "товаров";
}

/** One page of Satu's search results: the count ("Найдено 1 234 товара"), product tiles, pagination. */
export function renderSatuSearchPage(search: FakeSatuSearchPage): string {
  const query = search.query ?? "чайник";
  const grouped = formatShopPrice(search.total).replace("\u00a0₸", "");
  const summary =
    search.total === 0
      ? `<div class="MafxA" data-qaid="search_results_info">По запросу «${escapeHtml(query)}» ничего не найдено</div>`
      : `<div class="MafxA" data-qaid="search_results_info">Найдено ${grouped} ${goodsWord(search.total)}</div>`;
  const main = `  <main class="R5rm0" data-qaid="search_results">
    <h1 class="yjdWa" data-qaid="search_title">${escapeHtml(query)}</h1>
    ${summary}
    <div class="l-GwW wH7pB" data-qaid="product_gallery">
${search.products.map(productTile).join("\n")}
    </div>
${paginationMarkup(query, search.page, search.pages)}
  </main>`;
  const head = `<meta name="robots" content="noindex, follow">
  <link rel="canonical" href="https://satu.kz${escapeHtml(searchPath(query, search.page))}">`;
  return satuLayout({ title: `${query} — купить в Казахстане | Satu.kz`, head, main });
}

/**
 * A Satu product page: h1 `product_name`, the price block (old price, current `product_price`), presence,
 * the seller company with its city, the characteristics table, the description, JSON-LD Product. Options
 * change the layout the way Satu sometimes does: no price element, no JSON-LD.
 */
export function renderSatuProductPage(
  product: FakeSatuProduct,
  options: { priceElement?: boolean; jsonLd?: boolean } = {},
): string {
  const path = satuProductPath(product);
  const companyId = product.sellerId ?? 1000 + product.id;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
    ...(product.description ? { description: product.description } : {}),
    offers: {
      "@type": "Offer",
      url: `https://satu.kz${path}`,
      ...(product.price === null ? {} : { price: String(product.price), priceCurrency: "KZT" }),
      availability: "https://schema.org/InStock",
      seller: { "@type": "Organization", name: product.seller },
    },
  };
  const head = [
    `<link rel="canonical" href="https://satu.kz${escapeHtml(path)}">`,
    '<meta property="og:type" content="product">',
    `<meta property="og:title" content="${escapeHtml(product.title)}">`,
    options.jsonLd === false ? "" : `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
  ].join("\n  ");
  const attributes = Object.entries(product.attributes ?? {})
    .map(
      ([name, value]) =>
        `<tr data-qaid="attribute_item"><td class="b-product-info__cell" data-qaid="attribute_name">${escapeHtml(name)}</td><td class="b-product-info__cell" data-qaid="attribute_value">${escapeHtml(value)}</td></tr>`,
    )
    .join("\n        ");
  const price =
    options.priceElement === false
      ? ""
      : product.price === null
        ? priceMarkup(null)
        : `<div class="yB5Hp" data-qaid="old_price" data-qaprice="${Math.round(product.price * 1.15)}">${escapeHtml(formatShopPrice(Math.round(product.price * 1.15)))}</div>
        ${priceMarkup(product.price)}`;
  const main = `  <main class="R5rm0" data-qaid="main_product_info">
    <div class="ffBnm" data-qaid="product_info">
      <h1 class="yjdWa bkjEo" data-qaid="product_name">${escapeHtml(product.title)}</h1>
      <span class="hnDhS" data-qaid="presence_data">${escapeHtml(product.presence ?? "В наличии")}</span>
      <div class="bkjEo ZFHhY" data-qaid="product_price_block">
        ${price}
      </div>
      <button type="button" data-qaid="buy-button">Купить</button>
    </div>
    <aside class="Lt5D8" data-qaid="company_info" data-company-id="${companyId}">
      <a href="/c${companyId}-company.html" class="xRdVm" data-qaid="company_name">${escapeHtml(product.seller)}</a>
      ${product.city ? `<span class="cVxXH" data-qaid="company_region">${escapeHtml(product.city)}</span>` : ""}
    </aside>
  </main>
  <section data-qaid="product_characteristics">
    <h2>Характеристики</h2>
    <table class="b-product-info" data-qaid="characteristics_block">
      <tbody>
        ${attributes}
      </tbody>
    </table>
  </section>
  <section data-qaid="product_description_block"><h2>Описание</h2><div data-qaid="product_description"><p>${escapeHtml(product.description ?? "")}</p></div></section>
  <script>window.ApolloCacheState = ${scriptJson({ [`Product:${product.id}`]: { id: product.id, name: product.title } })};</script>`;
  return satuLayout({ title: `${product.title}: продажа, цена в Казахстане | Satu.kz`, head, main });
}
