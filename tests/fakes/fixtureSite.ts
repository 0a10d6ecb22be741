import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/**
 * A local shop for the scraper's tests and benchmark: a generic electronics store with server-rendered product
 * pages carrying JSON-LD (the HTTP path), the same products as JavaScript-rendered shells under /js/ (only a
 * browser reads them), paginated category pages, robots.txt, and the answers real shops give crawlers: a captcha,
 * 403, 429 with Retry-After, 404/410, a 10 MiB page, a slow page. Pages are sized like real shops (about 30–80 KB
 * of HTML: inline CSS, a long menu, related products, footer), and every product page references images under
 * /img/ so blocking them in the browser can be counted.
 */

export interface FixtureSiteOptions {
  /** Products per path (server-rendered and /js/ shells). Default 320. */
  pages?: number;
  /** How many times `/rate-limited` answers 429 (with Retry-After) before a product page, per `?key=`. Default 1. */
  rateLimitedTimes?: number;
  /** Retry-After seconds on 429 and 503. Default 1. */
  retryAfterSeconds?: number;
  /** How many times `/unstable` answers 503 before a product page, per `?key=`. Default 2. */
  unstableTimes?: number;
  /** Delay of `/slow` before it answers, ms (overridable with `?ms=`). Default 2000. */
  slowMs?: number;
  /** Size of `/huge` and `/huge-stream`. Default 10 MiB. */
  hugeBytes?: number;
  /** Products per category page. Default 24. */
  categoryPageSize?: number;
  /** Delay of the /js/ shells' render script, ms (an SPA that fetches before it paints). Default 30. */
  renderDelayMs?: number;
}

/** One request as the site saw it. */
export interface FixtureRequest {
  method: string;
  /** Path with the query string, e.g. `/category/phones?page=2`. */
  path: string;
  userAgent: string | null;
  /** Wall-clock time in ms (fractional) when the request arrived. */
  at: number;
}

/** The facts a test asserts against: what the pages say. */
export interface FixtureProduct {
  n: number;
  title: string;
  /** Whole tenge. */
  price: number;
  sku: string;
  brand: string;
  category: string;
  /** Images the product page shows (gallery), relative to the site. */
  images: string[];
}

export interface FixtureSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request, in arrival order (a live array). */
  requests: FixtureRequest[];
  /** Bodies streamed by /huge and /huge-stream: how many finished and how many the client cut short. */
  streamed: { completed: number; aborted: number; bytesWritten: number };
  products: number;
  product(n: number): FixtureProduct;
  productUrl(n: number): string;
  jsProductUrl(n: number): string;
  categoryUrl(slug: string, page?: number): string;
  categories: readonly string[];
  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): FixtureRequest[];
  close(): Promise<void>;
}

const kinds = [
  {
    slug: "smartphones",
    name: "Смартфон",
    models: ["Galaxy A55", "Redmi Note 13", "iPhone 15", "Nova 12", "Pixel 8"],
  },
  {
    slug: "laptops",
    name: "Ноутбук",
    models: ["IdeaPad Slim 3", "VivoBook 15", "MacBook Air M3", "ThinkPad E14"],
  },
  { slug: "tv", name: "Телевизор", models: ['55" QLED Q60D', '43" Smart UHD', '65" OLED C4', '50" Crystal'] },
  { slug: "vacuums", name: "Пылесос", models: ["V15 Detect", "Roborock Q7", "PowerPro 2000", "Series 6"] },
  {
    slug: "headphones",
    name: "Наушники",
    models: ["WH-1000XM5", "AirPods Pro 2", "Buds 3 Pro", "Tune 760NC"],
  },
  {
    slug: "fridges",
    name: "Холодильник",
    models: ["NoFrost 185", "Side-by-Side 90", "KGN39", "DoorCooling+"],
  },
] as const;
const brands = ["Samsung", "Apple", "Xiaomi", "Huawei", "Lenovo", "Asus", "Philips", "Bosch", "LG", "Sony"];
const cities = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Павлодар", "Атырау", "Костанай"];

const sentence =
  "Оригинальная продукция с официальной гарантией производителя, доставка по Казахстану от одного дня, " +
  "оплата картой, в рассрочку Kaspi Red или наличными при получении; характеристики и комплектация " +
  "могут отличаться в зависимости от партии, уточняйте у менеджера перед покупкой. ";

/** A one-pixel PNG: what /img/ serves, so a browser that asks for an image gets a real one. */
const pixel = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function describeProduct(n: number): FixtureProduct {
  const kind = kinds[n % kinds.length]!;
  const brand = brands[(n * 7) % brands.length]!;
  const model = kind.models[n % kind.models.length]!;
  const price = 15_000 + ((n * 7919) % 985) * 1000 - 10;
  const images = Array.from({ length: 6 }, (_, i) => `/img/p${n}-${i + 1}.jpg`);
  return {
    n,
    title: `${kind.name} ${brand} ${model} №${n}`,
    price,
    sku: `SKU-${String(n).padStart(6, "0")}`,
    brand,
    category: kind.slug,
    images,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** About 12 KB of CSS, inlined in every page as shops do for first paint. */
const inlineCss = (() => {
  const rules: string[] = [
    "*{box-sizing:border-box}body{margin:0;font:14px/1.45 Inter,Arial,sans-serif;color:#1f2328;background:#f6f7f9}",
    ".header{display:flex;align-items:center;gap:16px;padding:12px 24px;background:#fff;border-bottom:1px solid #e5e7eb}",
    ".menu{display:grid;grid-template-columns:repeat(6,1fr);gap:4px 16px;padding:8px 24px;background:#fff}",
    ".card{display:flex;flex-direction:column;gap:6px;padding:12px;border-radius:8px;background:#fff}",
    ".price{font-weight:700;font-size:22px;color:#d92d20}.footer{padding:32px 24px;background:#101828;color:#d0d5dd}",
  ];
  for (let i = 0; i < 110; i++) {
    rules.push(
      `.c-${i}{margin:${i % 7}px ${i % 5}px;padding:${i % 9}px;color:#${((i * 2654435) & 0xffffff).toString(16).padStart(6, "0")};` +
        `border-radius:${i % 6}px;transition:all .${i % 9}s ease-in-out}`,
    );
  }
  return rules.join("\n");
})();

const menu = (() => {
  const links: string[] = [];
  for (const kind of kinds) {
    for (const brand of brands) {
      links.push(
        `<li><a href="/category/${kind.slug}?brand=${brand.toLowerCase()}">${kind.name} ${brand}</a></li>`,
      );
    }
  }
  return `<nav class="menu" aria-label="Каталог"><ul>${links.join("")}</ul></nav>`;
})();

const footer = (() => {
  const columns: string[] = [];
  for (let c = 0; c < 4; c++) {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/info/${c}-${i}">Раздел покупателям ${c + 1}.${i + 1}</a></li>`,
    );
    columns.push(`<div class="c-${c}"><h4>Покупателям ${c + 1}</h4><ul>${items.join("")}</ul></div>`);
  }
  const shops = cities.map((city) => `<li>${city}: ул. Абая, ${city.length * 7}, ежедневно 10:00–21:00</li>`);
  return `<footer class="footer">${columns.join("")}<ul class="shops">${shops.join("")}</ul><p>© 2025 ТехноМаркет KZ. ${sentence}</p></footer>`;
})();

function productCard(p: FixtureProduct, prefix: string): string {
  return (
    `<article class="card c-${p.n % 110}"><a href="${prefix}/product/${p.n}"><img src="${p.images[0]}" alt="${escapeHtml(p.title)}" width="180" height="180" loading="lazy"></a>` +
    `<a class="title" href="${prefix}/product/${p.n}">${escapeHtml(p.title)}</a><span class="price">${p.price.toLocaleString("ru-RU")} ₸</span>` +
    `<span class="rating">★ ${(3.5 + (p.n % 15) / 10).toFixed(1)} (${(p.n * 13) % 400} отзывов)</span><button class="c-${p.n % 50}">В корзину</button></article>`
  );
}

function layout(title: string, head: string, main: string): string {
  return (
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><style>${inlineCss}</style>${head}</head>` +
    `<body><header class="header"><a href="/" class="logo">ТехноМаркет</a><form action="/search"><input name="q" placeholder="Поиск"></form>` +
    `<a href="/cart">Корзина</a></header>${menu}<main>${main}</main>${footer}</body></html>`
  );
}

function productJsonLd(p: FixtureProduct, base: string, pagePath: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.title,
    sku: p.sku,
    brand: { "@type": "Brand", name: p.brand },
    image: p.images.map((src) => `${base}${src}`),
    description: `${p.title}. ${sentence}`,
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: (3.5 + (p.n % 15) / 10).toFixed(1),
      reviewCount: (p.n * 13) % 400,
    },
    offers: {
      "@type": "Offer",
      price: String(p.price),
      priceCurrency: "KZT",
      availability: "https://schema.org/InStock",
      url: `${base}${pagePath}`,
    },
  };
}

function related(n: number, total: number, prefix: string): string {
  const cards = Array.from({ length: 12 }, (_, i) =>
    productCard(describeProduct(((n + i * 17) % total) + 1), prefix),
  );
  return `<section class="related"><h2>С этим товаром покупают</h2>${cards.join("")}</section>`;
}

function productPage(p: FixtureProduct, total: number, base: string): string {
  const ld = JSON.stringify(productJsonLd(p, base, `/product/${p.n}`));
  // Descriptions differ in length, as real ones do: 38–80 KB pages in all.
  const paragraphs = Array.from(
    { length: 10 + (p.n % 40) * 2 },
    (_, i) => `<p class="c-${i % 110}">${sentence}</p>`,
  ).join("");
  const specs = Array.from(
    { length: 24 },
    (_, i) => `<tr><th>Характеристика ${i + 1}</th><td>Значение ${(p.n * (i + 3)) % 97}</td></tr>`,
  ).join("");
  const gallery = p.images.map(
    (src) => `<img src="${src}" alt="${escapeHtml(p.title)}" width="600" height="600">`,
  );
  const main =
    `<nav class="breadcrumbs"><a href="/">Главная</a> / <a href="/category/${p.category}">${p.category}</a></nav>` +
    `<h1>${escapeHtml(p.title)}</h1><div class="gallery">${gallery.join("")}</div>` +
    `<div class="buy"><span class="price">${p.price.toLocaleString("ru-RU")} ₸</span><button>Купить</button></div>` +
    `<section class="description"><h2>Описание</h2>${paragraphs}</section><table class="specs">${specs}</table>` +
    related(p.n, total, "");
  return layout(
    `${p.title} — купить в Алматы | ТехноМаркет`,
    `<meta name="description" content="${escapeHtml(p.title)} по цене ${p.price} ₸"><link rel="canonical" href="${base}/product/${p.n}">` +
      `<script type="application/ld+json">${ld}</script>`,
    main,
  );
}

/** The shells' brand font, as SPAs load one: a browser that renders text asks for /fonts/. */
const webFontCss = `@font-face{font-family:"TechnoSans";src:url(/fonts/technosans.woff2) format("woff2")}body{font-family:"TechnoSans",Arial,sans-serif}`;

/** The app's client code: builds the product from the encoded state after a short delay, like an SPA. */
function renderScript(renderDelayMs: number): string {
  // Padding that stands for the framework bundle real shells inline (~14 KB of code that is parsed, not run).
  const bundle = Array.from(
    { length: 120 },
    (_, i) =>
      `function m${i}(a,b){var r=[];for(var k=0;k<a.length;k++){if(a[k]&&a[k].id!==b){r.push({id:a[k].id,v:a[k].v*${i}})}}return r}`,
  ).join("\n");
  return `${bundle}
(function(){
  var raw = document.getElementById('__STATE__').textContent;
  var bytes = Uint8Array.from(atob(raw), function(c){ return c.charCodeAt(0); });
  var state = JSON.parse(new TextDecoder().decode(bytes));
  setTimeout(function(){
    var p = state.product, root = document.getElementById('root');
    document.title = p.title + ' — купить в Алматы | ТехноМаркет';
    var html = '<header class="header"><a href="/">ТехноМаркет</a></header><main><h1>' + p.title + '</h1><div class="gallery">';
    p.images.forEach(function(src){ html += '<img src="' + src + '" width="600" height="600">'; });
    html += '</div><span class="price">' + p.price.toLocaleString('ru-RU') + ' ₸</span><p>' + state.description + '</p><section class="related">';
    state.related.forEach(function(r){ html += '<article class="card"><img src="' + r.image + '" width="180"><a href="' + r.url + '">' + r.title + '</a><span class="price">' + r.price + ' ₸</span></article>'; });
    root.innerHTML = html + '</section></main>';
    var ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = JSON.stringify(state.jsonLd);
    document.head.appendChild(ld);
  }, ${renderDelayMs});
})();`;
}

function jsProductPage(p: FixtureProduct, total: number, base: string, renderDelayMs: number): string {
  const relatedProducts = Array.from({ length: 12 }, (_, i) =>
    describeProduct(((p.n + i * 17) % total) + 1),
  ).map((r) => ({ title: r.title, price: r.price, url: `/js/product/${r.n}`, image: r.images[0] }));
  const state = {
    product: { title: p.title, price: p.price, images: p.images },
    description: sentence,
    related: relatedProducts,
    jsonLd: productJsonLd(p, base, `/js/product/${p.n}`),
  };
  // The state travels base64-encoded, so the served HTML carries no readable product: only a browser gets it.
  const encoded = Buffer.from(JSON.stringify(state), "utf8").toString("base64");
  return (
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ТехноМаркет</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><style>${inlineCss}${webFontCss}</style></head>` +
    `<body><div id="root"></div><noscript>Включите JavaScript</noscript>` +
    `<script id="__STATE__" type="application/octet-stream">${encoded}</script>` +
    `<script>${renderScript(renderDelayMs)}</script></body></html>`
  );
}

function categoryPage(slug: string, page: number, size: number, total: number, base: string): string {
  const all: FixtureProduct[] = [];
  for (let n = 1; n <= total; n++) {
    const p = describeProduct(n);
    if (p.category === slug) all.push(p);
  }
  const pages = Math.max(1, Math.ceil(all.length / size));
  const shown = all.slice((page - 1) * size, page * size);
  const next = page < pages ? `${base}/category/${slug}?page=${page + 1}` : null;
  const prev = page > 1 ? `${base}/category/${slug}?page=${page - 1}` : null;
  const itemList = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    numberOfItems: all.length,
    itemListElement: shown.map((p, i) => ({
      "@type": "ListItem",
      position: i + 1,
      item: {
        "@type": "Product",
        name: p.title,
        url: `${base}/product/${p.n}`,
        offers: { "@type": "Offer", price: String(p.price), priceCurrency: "KZT" },
      },
    })),
  };
  const pager = Array.from({ length: pages }, (_, i) =>
    i + 1 === page ? `<span>${i + 1}</span>` : `<a href="/category/${slug}?page=${i + 1}">${i + 1}</a>`,
  ).join(" ");
  const main =
    `<h1>${slug}: ${all.length} товаров</h1><div class="grid">${shown.map((p) => productCard(p, "")).join("")}</div>` +
    `<nav class="pagination">${prev ? `<a rel="prev" href="${prev}">Назад</a>` : ""}${pager}${next ? `<a rel="next" href="${next}">Далее</a>` : ""}</nav>`;
  return layout(
    `${slug} — страница ${page} | ТехноМаркет`,
    `${next ? `<link rel="next" href="${next}">` : ""}${prev ? `<link rel="prev" href="${prev}">` : ""}` +
      `<script type="application/ld+json">${JSON.stringify(itemList)}</script>`,
    main,
  );
}

const captchaPage =
  `<!doctype html><html lang="en"><head><title>Just a moment...</title>` +
  `<script src="https://www.google.com/recaptcha/api.js" async defer></script></head>` +
  `<body><h1>Checking your browser before accessing the site.</h1>` +
  `<form action="/captcha/verify" method="post"><div class="g-recaptcha" data-sitekey="6Lc_fixture"></div>` +
  `<button type="submit">I am not a robot</button></form></body></html>`;

const robotsTxt = "User-agent: *\nDisallow: /private/\nDisallow: /cart\n\nUser-agent: BadBot\nDisallow: /\n";

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const total = options.pages ?? 320;
  const rateLimitedTimes = options.rateLimitedTimes ?? 1;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const unstableTimes = options.unstableTimes ?? 2;
  const slowMs = options.slowMs ?? 2000;
  const hugeBytes = options.hugeBytes ?? 10 * 1024 * 1024;
  const pageSize = options.categoryPageSize ?? 24;
  const renderDelayMs = options.renderDelayMs ?? 30;
  const requests: FixtureRequest[] = [];
  const streamed = { completed: 0, aborted: 0, bytesWritten: 0 };
  const answeredTimes = new Map<string, number>();
  const cache = new Map<string, Buffer>();
  let base = "";

  const html = (
    res: ServerResponse,
    status: number,
    body: Buffer | string,
    headers: Record<string, string> = {},
  ) => {
    const buffer = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": String(buffer.length),
      ...headers,
    });
    res.end(buffer);
  };
  const cached = (key: string, build: () => string): Buffer => {
    let body = cache.get(key);
    if (!body) {
      body = Buffer.from(build(), "utf8");
      cache.set(key, body);
    }
    return body;
  };
  const countAnswer = (key: string): number => {
    const count = (answeredTimes.get(key) ?? 0) + 1;
    answeredTimes.set(key, count);
    return count;
  };

  const streamHuge = async (res: ServerResponse, declareLength: boolean) => {
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (declareLength) headers["content-length"] = String(hugeBytes);
    res.writeHead(200, headers);
    const chunk = Buffer.alloc(64 * 1024, "<p>Огромная страница каталога без пагинации.</p>\n");
    let sent = 0;
    let closed = false;
    res.on("close", () => {
      closed = true;
    });
    while (sent < hugeBytes && !closed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, hugeBytes - sent));
      sent += piece.length;
      streamed.bytesWritten += piece.length;
      if (!res.write(piece))
        await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
      // Paced a little, as a real slow origin: a client that stops reading is seen before the body is all sent.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (closed || sent < hugeBytes) {
      streamed.aborted += 1;
      return;
    }
    res.end();
    streamed.completed += 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    const path = url.pathname;
    const key = url.searchParams.get("key") ?? "";
    const productNumber = (pattern: RegExp): number | null => {
      const n = Number(pattern.exec(path)?.[1] ?? Number.NaN);
      return Number.isInteger(n) && n >= 1 && n <= total ? n : null;
    };
    const product = productNumber(/^\/product\/(\d+)$/);
    const jsProduct = productNumber(/^\/js\/product\/(\d+)$/);
    const category = kinds.find((k) => path === `/category/${k.slug}`)?.slug ?? null;
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(robotsTxt);
    } else if (product !== null) {
      html(
        res,
        200,
        cached(path, () => productPage(describeProduct(product), total, base)),
      );
    } else if (jsProduct !== null) {
      html(
        res,
        200,
        cached(path, () => jsProductPage(describeProduct(jsProduct), total, base, renderDelayMs)),
      );
    } else if (category !== null) {
      const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
      html(
        res,
        200,
        cached(`${path}?${page}`, () => categoryPage(category, page, pageSize, total, base)),
      );
    } else if (path.startsWith("/fonts/")) {
      res.writeHead(200, { "content-type": "font/woff2", "content-length": String(pixel.length) });
      res.end(pixel);
    } else if (path.startsWith("/img/")) {
      res.writeHead(200, { "content-type": "image/png", "content-length": String(pixel.length) });
      res.end(pixel);
    } else if (path === "/captcha") {
      html(res, 200, captchaPage);
    } else if (path === "/blocked") {
      html(
        res,
        403,
        "<!doctype html><html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1></body></html>",
      );
    } else if (path === "/rate-limited") {
      if (countAnswer(`rate:${key}`) <= rateLimitedTimes) {
        html(res, 429, "<html><body>Too Many Requests</body></html>", { "retry-after": String(retryAfter) });
      } else {
        html(
          res,
          200,
          cached("/product/1", () => productPage(describeProduct(1), total, base)),
        );
      }
    } else if (path === "/unstable") {
      if (countAnswer(`unstable:${key}`) <= unstableTimes) {
        html(res, 503, "<html><body>Service Unavailable</body></html>");
      } else {
        html(
          res,
          200,
          cached("/product/2", () => productPage(describeProduct(2), total, base)),
        );
      }
    } else if (path === "/gone") {
      html(
        res,
        404,
        "<!doctype html><html><head><title>Страница не найдена</title></head><body><h1>404</h1></body></html>",
      );
    } else if (path === "/removed") {
      html(
        res,
        410,
        "<!doctype html><html><head><title>Объявление удалено</title></head><body><h1>410</h1></body></html>",
      );
    } else if (path === "/huge") {
      await streamHuge(res, true);
    } else if (path === "/huge-stream") {
      await streamHuge(res, false);
    } else if (path === "/slow") {
      const ms = Number(url.searchParams.get("ms") ?? slowMs);
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (!res.destroyed)
        html(
          res,
          200,
          cached("/product/3", () => productPage(describeProduct(3), total, base)),
        );
    } else if (path === "/redirect") {
      res.writeHead(301, { location: "/product/4" });
      res.end();
    } else if (path === "/feed.xml") {
      const offers = Array.from(
        { length: 5 },
        (_, i) =>
          `<offer sku="${describeProduct(i + 1).sku}" available="yes"><model>${escapeHtml(describeProduct(i + 1).title)}</model><price>${describeProduct(i + 1).price}</price></offer>`,
      );
      res.writeHead(200, { "content-type": "application/xml; charset=utf-8" });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><kaspi_catalog><offers>${offers.join("")}</offers></kaspi_catalog>`,
      );
    } else if (path === "/" || path.startsWith("/private/")) {
      const links = kinds.map((k) => `<li><a href="/category/${k.slug}">${k.name}</a></li>`).join("");
      html(
        res,
        200,
        layout("ТехноМаркет — электроника в Казахстане", "", `<ul class="categories">${links}</ul>`),
      );
    } else {
      html(
        res,
        404,
        "<!doctype html><html><head><title>Страница не найдена</title></head><body><h1>404</h1></body></html>",
      );
    }
  };

  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? "GET",
      path: req.url ?? "/",
      userAgent: req.headers["user-agent"] ?? null,
      at: performance.timeOrigin + performance.now(),
    });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        html(res, 500, `fixture error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    requests,
    streamed,
    products: total,
    product: describeProduct,
    productUrl: (n) => `${base}/product/${n}`,
    jsProductUrl: (n) => `${base}/js/product/${n}`,
    categoryUrl: (slug, page = 1) =>
      page === 1 ? `${base}/category/${slug}` : `${base}/category/${slug}?page=${page}`,
    categories: kinds.map((k) => k.slug),
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
