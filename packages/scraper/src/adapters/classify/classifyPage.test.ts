import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  renderCaptchaPage,
  renderJsShellProductPage,
  renderNotFoundPage,
  renderShopProductPage,
} from "../../../../../tests/fakes/marketplaces/shopPages.ts";
import { createPageInput } from "../pageInput.ts";
import { classifyPage, diagnosePage } from "./classifyPage.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");
const real = (file: string) => readFileSync(resolve(repoRoot, "../shared/fixtures/real", file), "utf8");

function diagnose(
  body: string,
  status: number | null = 200,
  contentType: string | null = "text/html; charset=utf-8",
) {
  return diagnosePage(createPageInput({ url: "https://shop.example.kz/p/1", body, contentType, status }));
}

const kettle = { title: "Электрочайник Tefal KO 1501", price: 18490, sku: "KO1501" };
const shellAround = (inside: string, head = "") =>
  `<!DOCTYPE html><html><head><title>Shop</title>${head}</head><body>${inside}<script src="/app.js"></script></body></html>`;

describe("diagnosePage: blocked", () => {
  it("recognises Cloudflare's challenge, whatever the status", () => {
    expect(diagnose(renderCaptchaPage("cloudflare"), 403)).toEqual({ kind: "blocked", reason: "cloudflare" });
    expect(diagnose(renderCaptchaPage("cloudflare"), 503)).toEqual({ kind: "blocked", reason: "cloudflare" });
    expect(diagnose(renderCaptchaPage("cloudflare"), 200)).toEqual({ kind: "blocked", reason: "cloudflare" });
  });

  it('recognises a reCAPTCHA "подтвердите, что вы не робот" page served with 200', () => {
    expect(diagnose(renderCaptchaPage("recaptcha"), 200)).toEqual({ kind: "blocked", reason: "recaptcha" });
  });

  it('recognises a QRATOR-like "Доступ ограничен" notice: by its words at 200, by its markup at 403', () => {
    expect(diagnose(renderCaptchaPage("qrator"), 200)).toEqual({ kind: "blocked", reason: "captcha" });
    expect(diagnose(renderCaptchaPage("qrator"), 403)).toEqual({ kind: "blocked", reason: "qrator" });
  });

  it("recognises DataDome's captcha frame", () => {
    expect(diagnose(renderCaptchaPage("datadome"), 403)).toEqual({ kind: "blocked", reason: "datadome" });
  });

  it("reads 429 as rate limiting, even with a normal page or a JSON body", () => {
    expect(diagnose(renderShopProductPage(kettle), 429)).toEqual({ kind: "blocked", reason: "rate-limited" });
    expect(diagnose('{"error":"too many requests"}', 429, "application/json")).toEqual({
      kind: "blocked",
      reason: "rate-limited",
    });
  });

  it("reads a bare 403 error page as forbidden", () => {
    const nginx =
      "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>";
    expect(diagnose(nginx, 403)).toEqual({ kind: "blocked", reason: "forbidden" });
  });

  it("does not block a shop page that has a reCAPTCHA in its feedback form", () => {
    const page = renderShopProductPage(kettle).replace(
      "</main>",
      '<form class="feedback"><div class="g-recaptcha" data-sitekey="x"></div></form><script src="https://www.google.com/recaptcha/api.js"></script></main>',
    );
    expect(diagnose(page, 200)).toBeNull();
  });

  it("does not block an app shell merely because it loads reCAPTCHA or Cloudflare's scripts", () => {
    const shell = shellAround(
      '<div id="root"></div><script src="https://www.google.com/recaptcha/api.js?render=key"></script><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>',
    );
    expect(diagnose(shell, 200)).toEqual({ kind: "needs_js", reason: "empty-app-root" });
  });
});

describe("diagnosePage: not_found", () => {
  it("reads 404 and 410 as not found, for HTML and JSON alike", () => {
    expect(diagnose(renderShopProductPage(kettle), 404)).toEqual({ kind: "not_found", reason: "status-404" });
    expect(diagnose("<html><body>Gone</body></html>", 410)).toEqual({
      kind: "not_found",
      reason: "status-410",
    });
    expect(diagnose('{"error":"not found"}', 404, "application/json")).toEqual({
      kind: "not_found",
      reason: "status-404",
    });
  });

  it.each(["ru", "kk", "en"] as const)("recognises a soft 404 served with 200 (%s)", (language) => {
    expect(diagnose(renderNotFoundPage({ language }), 200)).toEqual({
      kind: "not_found",
      reason: "error-page",
    });
  });

  it("recognises a soft 404 that recommends products under the notice", () => {
    const page = renderNotFoundPage({
      recommended: [kettle, { title: "Утюг", price: 9990 }, { title: "Фен", price: 12990 }],
    });
    expect(diagnose(page, 200)).toEqual({ kind: "not_found", reason: "error-page" });
  });

  it("recognises OLX's removed ad among a page full of other ads", () => {
    const others = Array.from(
      { length: 30 },
      (_, index) =>
        `<div class="css-card"><a href="/d/obyavlenie/${index}">Объявление ${index}</a><p>${index} 000 ₸</p></div>`,
    ).join("");
    const page = `<html><head><title>Iphone 13 - Алматы - OLX.kz</title></head><body><div id="hydrate-root">
      <div data-testid="ad-inactive-msg"><h4>Объявление больше не доступно</h4></div>${others}</div>
      <script id="olx-init-config">window.__PRERENDERED_STATE__ = "{}";</script></body></html>`;
    expect(diagnose(page, 200)).toEqual({ kind: "not_found", reason: "error-page" });
  });

  it('recognises a thin "Объявление не найдено" page', () => {
    const page =
      "<html><head><title>OLX.kz</title></head><body><div class='error'><p>Объявление не найдено</p><a href='/'>На главную</a></div></body></html>";
    expect(diagnose(page, 200)).toEqual({ kind: "not_found", reason: "error-page" });
  });

  it("does not read a search that found nothing as an error page", () => {
    const page = `<html><head><title>Поиск: чайник</title></head><body><h1>Результаты поиска</h1>
      <p>По запросу «чайник золотой» ничего не найдено. Попробуйте изменить запрос.</p></body></html>`;
    expect(diagnose(page, 200)).toBeNull();
  });
});

describe("diagnosePage: needs_js", () => {
  it("recognises the app shell that renders its product only with JavaScript", () => {
    expect(diagnose(renderJsShellProductPage(kettle), 200)).toEqual({
      kind: "needs_js",
      reason: "empty-app-root",
    });
    expect(
      classifyPage(
        createPageInput({
          url: null,
          body: renderJsShellProductPage(kettle),
          contentType: null,
          status: null,
        }),
      ),
    ).toBe("needs_js");
  });

  it("recognises a <noscript> asking to enable JavaScript above a bit of header text", () => {
    const page = shellAround(
      '<header><a href="/">Shop</a> <a href="/delivery">Доставка</a></header><main id="content"></main><noscript>Please enable JavaScript to continue.</noscript>',
    );
    expect(diagnose(page, 200)).toEqual({ kind: "needs_js", reason: "noscript" });
  });

  it("recognises a page of scripts with no text at all", () => {
    expect(diagnose(shellAround('<div class="loader"></div>'), 200)).toEqual({
      kind: "needs_js",
      reason: "empty-page",
    });
  });

  it("recognises a Next.js shell whose __NEXT_DATA__ carries no page data", () => {
    const page = shellAround(
      '<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/p/[id]"}</script>',
    );
    expect(diagnose(page, 200)).toEqual({ kind: "needs_js", reason: "empty-app-root" });
  });

  it.each([
    [
      "JSON-LD Product",
      '<div id="root"></div>',
      '<script type="application/ld+json">{"@type":"Product","name":"A","offers":{"price":1}}</script>',
    ],
    ["og:type product", '<div id="root"></div>', '<meta property="og:type" content="product">'],
    [
      "__NEXT_DATA__ with data",
      '<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":{"id":1}}}}</script>',
      "",
    ],
    [
      "OLX prerendered state",
      '<div id="root"></div><script>window.__PRERENDERED_STATE__ = "{}";</script>',
      "",
    ],
    [
      "Kaspi BACKEND.components",
      '<div id="app"></div><script>BACKEND.components.item = {"card":{}};</script>',
      "",
    ],
  ])("reads an empty-looking page carrying %s as a page to read", (_, inside, head) => {
    expect(diagnose(shellAround(inside, head), 200)).toBeNull();
  });

  it("does not call a thin server-rendered page with a heading a shell, even with a <noscript> notice", () => {
    const page = shellAround(
      "<h1>Поиск: чайник золотой</h1><p>Ничего не найдено.</p><noscript>You need to enable JavaScript to run this app.</noscript>",
    );
    expect(diagnose(page, 200)).toBeNull();
  });

  it("does not call a tiny page without scripts a JavaScript shell", () => {
    expect(diagnose("<html><head><title>Ok</title></head><body><p>Ok</p></body></html>", 200)).toBeNull();
  });
});

describe("diagnosePage on ordinary pages", () => {
  it("passes the real captures and a shop product page to the readers", () => {
    expect(diagnose(real("olx-uz-search-ssr.html"), 200)).toBeNull();
    expect(diagnose(real("kaspi-product-5-sellers.html"), 200)).toBeNull();
    expect(diagnose(real("kaspi-category-grid.json"), 200, "application/json")).toBeNull();
    expect(diagnose(real("kaspi-pricelist-cityprices.xml"), 200, "application/xml")).toBeNull();
    expect(diagnose(renderShopProductPage(kettle), 200)).toBeNull();
  });

  it("reads files without a status or Content-Type by their body", () => {
    const input = (body: string) => createPageInput({ url: null, body, contentType: null, status: null });
    expect(classifyPage(input(real("kaspi-product-5-sellers.html")))).toBeNull();
    expect(classifyPage(input(renderCaptchaPage()))).toBe("blocked");
    expect(classifyPage(input(renderNotFoundPage()))).toBe("not_found");
  });
});
