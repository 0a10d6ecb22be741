import { type FakeHttpServer, type FakeRequest, startFakeHttpServer } from "./fakeHttpServer.ts";
import { type KaspiFakeCard, renderKaspiSearchPage } from "./marketplaces/kaspiPages.ts";
import { type OlxFakeAd, renderOlxSearchPage } from "./marketplaces/olxPages.ts";
import { type FakeSatuProduct, renderSatuSearchPage } from "./marketplaces/satuPages.ts";
import { renderCaptchaPage } from "./marketplaces/shopPages.ts";

/** What each fake site lists for any search, and whether it blocks us. */
export interface FakeMarketplaceData {
  olx: OlxFakeAd[];
  /** OLX's reported total; defaults to the ads' count. */
  olxTotal?: number;
  kaspi: KaspiFakeCard[];
  kaspiTotal?: number;
  satu: FakeSatuProduct[];
  satuTotal?: number;
  /** Sites that answer every request with a captcha. */
  blocked?: Array<"olx" | "kaspi" | "satu">;
}

export interface FakeMarketplaces extends FakeHttpServer {
  /** Base URLs for ARQAN_OLX_BASE_URL etc. (one server, told apart by path). */
  baseUrls: { olx: string; kaspi: string; satu: string };
  requests: FakeRequest[];
}

const olxPerPage = 40;
const kaspiPerPage = 12;
const satuPerPage = 24;

/**
 * OLX, Kaspi and Satu search pages in each site's own format, served from one local server for niche research
 * tests: OLX `/{city|list}/q-<query>/?page=N`, Kaspi `/shop/search/?text=…&page=N`, Satu `/search?search_term=…`.
 * Every search returns the configured listings, paginated as the real sites do.
 */
export async function startFakeMarketplaces(data: FakeMarketplaceData): Promise<FakeMarketplaces> {
  const requests: FakeRequest[] = [];
  const pageOf = (request: FakeRequest) => Math.max(1, Number(request.query.get("page") ?? "1") || 1);
  const html = (text: string) => ({
    status: 200,
    text,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
  const blocked = new Set(data.blocked ?? []);
  const server = await startFakeHttpServer((request) => {
    requests.push(request);
    if (request.path === "/robots.txt") return { status: 200, text: "User-agent: *\nAllow: /\n" };
    const olx = /^\/([a-z-]+)\/q-([^/]+)\/$/.exec(request.path);
    if (olx) {
      if (blocked.has("olx")) return html(renderCaptchaPage("cloudflare"));
      const page = pageOf(request);
      const pages = Math.max(1, Math.ceil(data.olx.length / olxPerPage));
      return html(
        renderOlxSearchPage({
          ads: data.olx.slice((page - 1) * olxPerPage, page * olxPerPage),
          total: data.olxTotal ?? data.olx.length,
          page,
          pages,
          query: decodeURIComponent(olx[2] ?? "").replaceAll("-", " "),
        }),
      );
    }
    if (request.path === "/shop/search/") {
      if (blocked.has("kaspi")) return html(renderCaptchaPage("qrator"));
      const page = pageOf(request);
      return html(
        renderKaspiSearchPage({
          cards: data.kaspi.slice((page - 1) * kaspiPerPage, page * kaspiPerPage),
          total: data.kaspiTotal ?? data.kaspi.length,
          page,
          query: request.query.get("text") ?? "",
        }),
      );
    }
    if (request.path === "/search") {
      if (blocked.has("satu")) return html(renderCaptchaPage("recaptcha"));
      const page = pageOf(request);
      return html(
        renderSatuSearchPage({
          products: data.satu.slice((page - 1) * satuPerPage, page * satuPerPage),
          total: data.satuTotal ?? data.satu.length,
          page,
          pages: Math.max(1, Math.ceil(data.satu.length / satuPerPage)),
          query: request.query.get("search_term") ?? "",
        }),
      );
    }
    return {
      status: 404,
      text: "<html><head><title>Страница не найдена</title></head><body>404</body></html>",
    };
  });
  return { ...server, baseUrls: { olx: server.url, kaspi: server.url, satu: server.url }, requests };
}
