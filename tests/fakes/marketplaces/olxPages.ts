/**
 * OLX pages rendered from plain data, in the format olx.kz serves them: the visible cards plus
 * `<script id="olx-init-config">` with `window.__PRERENDERED_STATE__= "<state JSON as a JavaScript string>"`
 * (the part the OLX reader reads). For integration tests and the niche research fake server.
 */

export interface OlxFakeAd {
  id: string;
  title: string;
  /** In `currency`; null renders "Договорная" (price by agreement, read back as negotiable). */
  price: number | null;
  currency: "KZT" | "USD";
  /** "Торг": the seller accepts offers. */
  negotiable: boolean;
  /** "Алматы" or with the district: "Алматы, Медеуский район". */
  city: string;
  seller: string;
  /** A business account ("Бизнес") rather than a private person. */
  business: boolean;
  /** A paid "ТОП" placement. */
  promoted: boolean;
  /** When the ad was posted or last raised, ISO 8601. */
  postedAt: string;
  views?: number;
}

export interface OlxFakeAdPage extends OlxFakeAd {
  description?: string;
  /** The ad's parameters as shown: { "Состояние": "Б/у" }. */
  params?: Record<string, string>;
  photos?: string[];
}

export interface OlxFakeSearchPage {
  ads: OlxFakeAd[];
  total: number;
  /** 1-based. */
  page: number;
  pages: number;
  query: string;
  /** The site's origin written into ad URLs; https://www.olx.kz by default. */
  origin?: string;
}

const adsPerPage = 40;

/** The URL the fake gives an ad: https://www.olx.kz/d/obyavlenie/<slug>-ID<id>.html. */
export function olxFakeAdUrl(ad: Pick<OlxFakeAd, "id" | "title">, origin = "https://www.olx.kz"): string {
  return `${origin}${olxFakeAdPath(ad)}`;
}

/** A results page: the promoted ads are also shown again in place, as OLX does. */
export function renderOlxSearchPage(page: OlxFakeSearchPage): string {
  const origin = page.origin ?? "https://www.olx.kz";
  const queryPath = `/list/q-${page.query.trim().split(/\s+/).map(encodeURIComponent).join("-")}/`;
  const shown = [...page.ads.filter((ad) => ad.promoted), ...page.ads];
  const state = {
    listing: {
      listing: {
        pageNumber: page.page,
        totalElements: page.total,
        visibleElements: page.total,
        totalPages: page.pages,
        ads: shown.map((ad) => stateAd(ad, origin, {})),
        metaData: { searchId: "F4CE0000", spellCheckerQuery: null, facets: {} },
        params: { offset: (page.page - 1) * adsPerPage, limit: adsPerPage, query: page.query },
        requestParams: { page: page.page, categoryPath: "list", query: page.query },
        viewType: "list",
      },
    },
    cookies: {},
  };
  const cards = shown
    .map(
      (ad) =>
        `<div data-cy="l-card" data-testid="l-card" id="${escapeHtml(ad.id)}">${ad.promoted ? "<div>ТОП</div>" : ""}` +
        `<a href="${escapeHtml(olxFakeAdPath(ad))}"><h6>${escapeHtml(ad.title)}</h6></a>` +
        `<p data-testid="ad-price">${escapeHtml(shownPrice(ad))}${ad.negotiable && ad.price !== null ? " Договорная" : ""}</p>` +
        `<p data-testid="location-date">${escapeHtml(ad.city)} - ${escapeHtml(ad.postedAt.slice(0, 10))}</p></div>`,
    )
    .join("\n");
  const pageLink = (n: number) => (n <= 1 ? queryPath : `${queryPath}?page=${n}`);
  const forward =
    page.page < page.pages
      ? `<a data-testid="pagination-forward" href="${pageLink(page.page + 1)}">вперед</a>`
      : "";
  const body = `<h1 data-testid="heading">Объявления по запросу «${escapeHtml(page.query)}»</h1>
<span data-testid="total-count">Мы нашли ${page.total} объявлений</span>
<div data-testid="listing-grid">
${cards}
</div>
<div data-testid="pagination-wrapper">${forward}</div>`;
  return olxDocument({
    title: `${page.query} - OLX.kz${page.page > 1 ? ` - страница ${page.page}` : ""}`,
    canonical: null,
    body,
    state,
  });
}

/** An ad's own page; `ad.ad` in the state carries the parameters, description and photos. */
export function renderOlxAdPage(ad: OlxFakeAdPage, origin = "https://www.olx.kz"): string {
  const state = { ad: { ad: stateAd(ad, origin, ad), adStatus: "active" }, cookies: {} };
  const params = Object.entries(ad.params ?? {})
    .map(([name, value]) => `<li><p>${escapeHtml(name)}: ${escapeHtml(value)}</p></li>`)
    .join("");
  const body = `<div data-cy="ad_title"><h4>${escapeHtml(ad.title)}</h4></div>
<div data-testid="ad-price-container"><h3>${escapeHtml(shownPrice(ad))}</h3></div>
<ul><li><p>${ad.business ? "Бизнес" : "Частное лицо"}</p></li>${params}</ul>
<div data-cy="ad_description"><div>${escapeHtml(ad.description ?? "").replace(/\n/g, "<br/>")}</div></div>
<div data-testid="user-profile-user-name"><h4>${escapeHtml(ad.seller)}</h4></div>
<p>${escapeHtml(ad.city)}</p>`;
  return olxDocument({
    title: `${ad.title}: ${shownPrice(ad)} - OLX.kz`,
    canonical: olxFakeAdUrl(ad, origin),
    body,
    state,
  });
}

function stateAd(
  ad: OlxFakeAd,
  origin: string,
  details: { description?: string; params?: Record<string, string>; photos?: string[] },
) {
  const [cityName, ...district] = ad.city.split(",").map((part) => part.trim());
  const sign = ad.currency === "USD" ? "$" : "₸";
  const state: Record<string, unknown> = {
    id: /^\d+$/.test(ad.id) ? Number(ad.id) : ad.id,
    title: ad.title,
    // OLX keeps descriptions as escaped HTML with <br /> line breaks.
    description: escapeHtml(details.description ?? "").replace(/\n/g, "<br />\n"),
    category: { id: 1532, type: "electronics" },
    isBusiness: ad.business,
    url: olxFakeAdUrl(ad, origin),
    isHighlighted: ad.promoted,
    isPromoted: ad.promoted,
    createdTime: ad.postedAt,
    lastRefreshTime: ad.postedAt,
    isActive: true,
    status: "active",
    params: Object.entries(details.params ?? {}).map(([name, value], index) => ({
      key: `param${index}`,
      name,
      type: "select",
      value,
      normalizedValue: value.toLowerCase(),
    })),
    price: {
      budget: false,
      free: false,
      exchange: false,
      displayValue: shownPrice(ad),
      regularPrice:
        ad.price === null
          ? null
          : { value: ad.price, currencyCode: ad.currency, currencySymbol: sign, negotiable: ad.negotiable },
    },
    isJob: false,
    photos: details.photos ?? [],
    location: {
      cityName,
      districtName: district.length > 0 ? district.join(", ") : null,
      regionName: cityName,
      pathName: ad.city,
    },
    urlPath: olxFakeAdPath(ad),
    contact: { chat: true, name: ad.seller, negotiation: ad.negotiable, phone: true },
    user: { id: `u${ad.id}`, name: ad.seller, photo: null, otherAdsEnabled: true },
    searchReason: ad.promoted ? "promoted" : "organic",
  };
  if (ad.views !== undefined) state.views = ad.views;
  return state;
}

function shownPrice(ad: OlxFakeAd): string {
  if (ad.price === null) return "Договорная";
  const amount = ad.price.toLocaleString("ru-RU").replace(/[\u00a0\u202f]/g, " ");
  return `${amount} ${ad.currency === "USD" ? "$" : "₸"}`;
}

function olxFakeAdPath(ad: Pick<OlxFakeAd, "id" | "title">): string {
  const slug = ad.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `/d/obyavlenie/${slug || "ad"}-ID${ad.id}.html`;
}

function olxDocument(page: {
  title: string;
  canonical: string | null;
  body: string;
  state: unknown;
}): string {
  // OLX writes the state as JSON inside a JavaScript string, with "<" and "/" escaped so no "</script>" appears.
  const json = JSON.stringify(page.state).replace(/</g, "\\u003C").replace(/\//g, "\\u002F");
  const canonical = page.canonical ? `\n<link rel="canonical" href="${escapeHtml(page.canonical)}"/>` : "";
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8"/>
<title>${escapeHtml(page.title)}</title>
<meta name="description" content="${escapeHtml(page.title)}"/>${canonical}
</head>
<body>
<div id="root">
${page.body}
</div>
<script id="olx-init-config" type="text/javascript">
window.__INIT_CONFIG__ = "{\\"appConfig\\":{\\"siteCode\\":\\"olxkz\\"}}";
window.__PRERENDERED_STATE__= ${JSON.stringify(json)};
window.__SELECTED_LANGUAGE_ISO_CODE__= 'ru';
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
