/**
 * Pages of an ordinary online shop (no marketplace platform), as the generic reader meets them: product and
 * category pages with or without structured data, a shell that renders only with JavaScript, a captcha and an
 * error page. Each renderer returns the HTML a server would send.
 */

export interface FakeShopProduct {
  title: string;
  /** In `currency` units; null when the shop shows no price. */
  price: number | null;
  /** ISO 4217; KZT by default. */
  currency?: string;
  sku?: string;
  brand?: string;
  rating?: number;
  reviews?: number;
  /** Marketplace-style offers, each becoming one seller of the product. */
  sellers?: ReadonlyArray<{ name: string; price: number }>;
  availability?: "InStock" | "OutOfStock" | "PreOrder";
  /** A path on the shop ("/catalog/chajnik-123") or an absolute URL. */
  url?: string;
  image?: string;
  description?: string;
}

/** How a page describes its product(s) to machines. */
export type ShopMarkup = "json-ld" | "open-graph" | "microdata" | "plain";

const signs: Readonly<Record<string, { sign: string; before: boolean }>> = {
  KZT: { sign: "₸", before: false },
  UZS: { sign: "сум", before: false },
  RUB: { sign: "₽", before: false },
  USD: { sign: "$", before: true },
  EUR: { sign: "€", before: true },
};

/** Text for HTML: `&`, `<`, `>` and quotes escaped. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A price as a Kazakh shop shows it: "12 990 ₸", "105 000 сум", "$19.99" (thousands with a no-break space). */
export function formatShopPrice(price: number, currency = "KZT"): string {
  const [whole = "0", cents] = price.toFixed(Number.isInteger(price) ? 0 : 2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  const amount =
    cents === undefined
      ? grouped
      : currency === "USD" || currency === "EUR"
        ? `${grouped}.${cents}`
        : `${grouped},${cents}`;
  const { sign, before } = signs[currency] ?? { sign: currency, before: false };
  return before ? `${sign}${amount}` : `${amount}\u00a0${sign}`;
}

/** JSON for inside a `<script>`: no `</script>` or `<!--` can end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

/** The schema.org Product a shop publishes for a product. */
export function productJsonLd(
  product: FakeShopProduct,
  origin = "https://shop.example.kz",
): Record<string, unknown> {
  const currency = product.currency ?? "KZT";
  const url = new URL(product.url ?? "/catalog/product", origin).toString();
  const offers =
    product.sellers && product.sellers.length > 0
      ? product.sellers.map((seller) => ({
          "@type": "Offer",
          price: String(seller.price),
          priceCurrency: currency,
          seller: { "@type": "Organization", name: seller.name },
        }))
      : product.price === null
        ? undefined
        : {
            "@type": "Offer",
            url,
            price: product.price,
            priceCurrency: currency,
            availability: `https://schema.org/${product.availability ?? "InStock"}`,
          };
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    url,
    ...(product.sku ? { sku: product.sku } : {}),
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
    ...(product.image ? { image: [product.image] } : {}),
    ...(product.description ? { description: product.description } : {}),
    ...(product.rating !== undefined
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: product.rating,
            reviewCount: product.reviews ?? 0,
          },
        }
      : {}),
    ...(offers ? { offers } : {}),
  };
}

function shopLayout(options: { title: string; head?: string; main: string }): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title)}</title>
  <link rel="stylesheet" href="/assets/app.css">
  ${options.head ?? ""}
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">TehnoShop.kz</a>
    <nav class="menu"><a href="/catalog/electronics">Электроника</a> <a href="/catalog/home">Для дома</a> <a href="/delivery">Доставка</a></nav>
    <a class="header-cart" href="/cart">Корзина: 0 ₸</a>
  </header>
  <main class="page">
${options.main}
  </main>
  <footer class="site-footer"><p>© 2025 TehnoShop.kz, Алматы. Бесплатная доставка от 30 000 ₸.</p></footer>
  <script src="/assets/app.js" defer></script>
</body>
</html>`;
}

function productCard(product: FakeShopProduct, withMicrodata: boolean): string {
  const currency = product.currency ?? "KZT";
  const href = escapeHtml(product.url ?? "/catalog/product");
  const scope = withMicrodata ? ' itemscope itemtype="https://schema.org/Product"' : "";
  const name = withMicrodata ? ' itemprop="name"' : "";
  const price =
    product.price === null
      ? '<span class="product-card__price product-card__price--none">Нет в наличии</span>'
      : withMicrodata
        ? `<span class="product-card__price" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="${currency}"><span itemprop="price" content="${product.price}">${escapeHtml(formatShopPrice(product.price, currency))}</span></span>`
        : `<span class="product-card__price">${escapeHtml(formatShopPrice(product.price, currency))}</span>`;
  return `      <li class="product-card"${scope}>
        <a class="product-card__link" href="${href}"${withMicrodata ? ' itemprop="url"' : ""}><img src="${escapeHtml(product.image ?? "/img/placeholder.jpg")}" alt=""></a>
        <h3 class="product-card__title"><a href="${href}"${name}>${escapeHtml(product.title)}</a></h3>
        ${price}
        <button class="product-card__buy" type="button">В корзину</button>
      </li>`;
}

/**
 * A shop's product page: breadcrumbs, the h1, the price (with a crossed-out old price and an instalment
 * offer beside it), characteristics, related products. `markup` says how it is described to machines:
 * JSON-LD (default), Open Graph product tags, microdata, or nothing (the reader must go by the layout).
 */
export function renderShopProductPage(
  product: FakeShopProduct & { markup?: ShopMarkup; related?: readonly FakeShopProduct[] },
): string {
  const markup = product.markup ?? "json-ld";
  const currency = product.currency ?? "KZT";
  const head: string[] = [
    `<meta name="description" content="${escapeHtml(`Купить ${product.title} в Алматы`)}">`,
  ];
  if (markup === "json-ld") {
    head.push(`<script type="application/ld+json">${scriptJson(productJsonLd(product))}</script>`);
  }
  if (markup === "open-graph") {
    head.push('<meta property="og:type" content="product">');
    head.push(`<meta property="og:title" content="${escapeHtml(product.title)}">`);
    if (product.image) head.push(`<meta property="og:image" content="${escapeHtml(product.image)}">`);
    if (product.price !== null) {
      head.push(`<meta property="product:price:amount" content="${product.price}">`);
      head.push(`<meta property="product:price:currency" content="${currency}">`);
    }
  }
  const micro = markup === "microdata";
  const priceBlock =
    product.price === null
      ? '<div class="product-price product-price--none">Цену уточняйте</div>'
      : `<div class="product-price"${micro ? ' itemprop="offers" itemscope itemtype="https://schema.org/Offer"' : ""}>
          <del class="product-price__old">${escapeHtml(formatShopPrice(Math.round(product.price * 1.2), currency))}</del>
          <span class="product-price__current"${micro ? ` itemprop="price" content="${product.price}"` : ""}>${escapeHtml(formatShopPrice(product.price, currency))}</span>
          ${micro ? `<meta itemprop="priceCurrency" content="${currency}">` : ""}
          <div class="product-installment">Рассрочка: ${escapeHtml(formatShopPrice(Math.round(product.price / 12), currency))} × 12 мес.</div>
        </div>`;
  const related = product.related ?? [];
  const main = `    <nav class="breadcrumbs"><a href="/">Главная</a> / <a href="/catalog/electronics">Электроника</a></nav>
    <article class="product"${micro ? ' itemscope itemtype="https://schema.org/Product"' : ""}>
      <h1 class="product__title"${micro ? ' itemprop="name"' : ""}>${escapeHtml(product.title)}</h1>
      ${product.sku ? `<div class="product__sku">Артикул: <span${micro ? ' itemprop="sku"' : ""}>${escapeHtml(product.sku)}</span></div>` : ""}
      ${product.brand ? `<div class="product__brand">Бренд: <span${micro ? ' itemprop="brand"' : ""}>${escapeHtml(product.brand)}</span></div>` : ""}
      ${priceBlock}
      <button class="product__buy" type="button">Купить</button>
      <section class="product__description"><h2>Описание</h2><p>${escapeHtml(product.description ?? "Оригинальный товар с гарантией магазина.")}</p></section>
    </article>
${
  related.length > 0
    ? `    <section class="related"><h2>С этим товаром покупают</h2><ul class="product-grid">
${related.map((entry) => productCard(entry, false)).join("\n")}
    </ul></section>`
    : ""
}`;
  return shopLayout({
    title: `${product.title} — купить в Алматы | TehnoShop.kz`,
    head: head.join("\n  "),
    main,
  });
}

/**
 * A shop's category page: h1, "Найдено N товаров", a grid of product cards (title link, price), pagination.
 * `markup` json-ld (default) adds an ItemList of the products; microdata marks each card; plain has neither.
 */
export function renderShopCategoryPage(category: {
  title: string;
  products: readonly FakeShopProduct[];
  /** How many products the category has in all (the cards are one page of them). */
  total?: number;
  markup?: Exclude<ShopMarkup, "open-graph">;
}): string {
  const markup = category.markup ?? "json-ld";
  const itemList = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    numberOfItems: category.products.length,
    itemListElement: category.products.map((product, index) => ({
      "@type": "ListItem",
      position: index + 1,
      item: productJsonLd(product),
    })),
  };
  const head =
    markup === "json-ld" ? `<script type="application/ld+json">${scriptJson(itemList)}</script>` : "";
  const main = `    <h1 class="category__title">${escapeHtml(category.title)}</h1>
    ${category.total === undefined ? "" : `<div class="category__count">Найдено ${category.total} товаров</div>`}
    <aside class="filters"><div class="filter-price">Цена: от 1 000 ₸ до 500 000 ₸</div></aside>
    <ul class="product-grid">
${category.products.map((product) => productCard(product, markup === "microdata")).join("\n")}
    </ul>
    <div class="pagination"><span class="current">1</span> <a href="?page=2" rel="next">2</a></div>`;
  return shopLayout({ title: `${category.title} — TehnoShop.kz`, head, main });
}

/**
 * A product page as a single-page app serves it: an empty `#root`, a `<noscript>` asking for JavaScript, and
 * a script that draws the product and inserts its JSON-LD only when it runs. Over HTTP it is an empty shell;
 * in a browser it is a product page.
 */
export function renderJsShellProductPage(product: FakeShopProduct): string {
  const currency = product.currency ?? "KZT";
  const data = {
    title: product.title,
    priceText: product.price === null ? "Цену уточняйте" : formatShopPrice(product.price, currency),
    jsonLd: productJsonLd(product),
  };
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>TehnoShop.kz</title>
</head>
<body>
  <div id="root"></div>
  <noscript>Для работы сайта включите JavaScript в настройках браузера.</noscript>
  <script>
    (function () {
      var product = ${scriptJson(data)};
      var root = document.getElementById("root");
      var heading = document.createElement("h1");
      heading.textContent = product.title;
      var price = document.createElement("div");
      price.className = "product-price";
      price.textContent = product.priceText;
      root.appendChild(heading);
      root.appendChild(price);
      var structured = document.createElement("script");
      structured.type = "application/ld+json";
      structured.textContent = JSON.stringify(product.jsonLd);
      document.head.appendChild(structured);
      document.title = product.title + " — TehnoShop.kz";
    })();
  </script>
</body>
</html>`;
}

/** The anti-bot services whose challenge pages shops and marketplaces answer with. */
export type CaptchaKind = "cloudflare" | "recaptcha" | "qrator" | "datadome";

/**
 * An anti-bot answer instead of the page: Cloudflare's "Just a moment…" challenge (default), a reCAPTCHA
 * "подтвердите, что вы не робот" page, a QRATOR-style "Доступ ограничен" notice, or DataDome's captcha frame.
 * Served with 403 (or 200 by some sites).
 */
export function renderCaptchaPage(kind: CaptchaKind = "cloudflare"): string {
  switch (kind) {
    case "cloudflare":
      return `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"><meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">shop.example.kz</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<div id="challenge-stage"></div>
<div id="challenge-body-text" class="core-msg spacer">shop.example.kz needs to review the security of your connection before proceeding.</div>
</div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:'shop.example.kz',cType:'managed',cRay:'8a1b2c3d4e5f'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8a1b2c3d4e5f';document.getElementsByTagName('head')[0].appendChild(a);}());</script>
</body></html>`;
    case "recaptcha":
      return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Проверка безопасности</title>
<script src="https://www.google.com/recaptcha/api.js" async defer></script></head>
<body><div class="captcha-page"><h1>Подтвердите, что вы не робот</h1>
<p>Мы заметили подозрительную активность с вашего IP-адреса.</p>
<form method="post" action="/captcha/verify"><div class="g-recaptcha" data-sitekey="6LdPb0QUAAAAAB5o2xHn"></div><button type="submit">Продолжить</button></form>
</div></body></html>`;
    case "qrator":
      return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Доступ ограничен</title></head>
<body><div class="qrator-block"><h1>Доступ ограничен</h1>
<p>Ваш запрос похож на автоматический. Если вы считаете, что это ошибка, обратитесь в поддержку и сообщите номер: 4f2a91c0.</p>
</div><script src="/__qrator/qauth_utm_v2.js"></script></body></html>`;
    case "datadome":
      return `<html><head><title>shop.example.kz</title><style>#cmsg{animation: A 1.5s;}</style></head>
<body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p>
<script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMA','hsh':'2211F522B61E269B869FA6EAFFB5E1','t':'fe','s':17434,'host':'geo.captcha-delivery.com'}</script>
<script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script>
<iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=AHrlqAAAAAMA" title="DataDome CAPTCHA" width="100%" height="100%"></iframe>
</body></html>`;
  }
}

const notFoundText = {
  ru: { title: "Страница не найдена", body: "Возможно, она была удалена или вы ошиблись адресом." },
  kk: { title: "Бұл бет табылмады", body: "Мүмкін, ол жойылған немесе мекенжай қате терілген." },
  en: { title: "Page not found", body: "The page you are looking for may have been removed." },
} as const;

/**
 * A shop's error page ("Страница не найдена", Kazakh "Бұл бет табылмады", English "Page not found"), often
 * served with status 200 (a soft 404) and with recommended products under the notice.
 */
export function renderNotFoundPage(
  options: { language?: keyof typeof notFoundText; recommended?: readonly FakeShopProduct[] } = {},
): string {
  const text = notFoundText[options.language ?? "ru"];
  const recommended = options.recommended ?? [];
  const main = `    <section class="error-page"><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p><a href="/">На главную</a></section>
${
  recommended.length > 0
    ? `    <section class="recommended"><h2>Вам может понравиться</h2><ul class="product-grid">
${recommended.map((product) => productCard(product, false)).join("\n")}
    </ul></section>`
    : ""
}`;
  return shopLayout({ title: `${text.title} — TehnoShop.kz`, main });
}
