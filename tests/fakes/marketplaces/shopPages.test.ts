import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageInput } from "../../../packages/scraper/src/adapters/pageInput.ts";
import { readPage } from "../../../packages/scraper/src/adapters/readPage.ts";
import { launchChromium } from "../../support/launchChromium.ts";
import {
  type FakeShopProduct,
  formatShopPrice,
  renderCaptchaPage,
  renderJsShellProductPage,
  renderNotFoundPage,
  renderShopCategoryPage,
  renderShopProductPage,
} from "./shopPages.ts";

const origin = "https://shop.example.kz";
const read = (body: string, status = 200, url = `${origin}/catalog/item`) =>
  readPage(createPageInput({ url, body, contentType: "text/html", status }));

const kettle: FakeShopProduct = {
  title: "Электрочайник Tefal KO 1501",
  price: 18490,
  sku: "KO1501",
  brand: "Tefal",
  url: "/p/1",
};
const products: FakeShopProduct[] = [
  { title: "Утюг Philips GC1742", price: 14990, url: "/p/2" },
  { title: "Фен Rowenta CV5", price: 21990, url: "/p/3" },
  { title: "Тостер Bosch TAT", price: 17990, url: "/p/4" },
];

describe("formatShopPrice", () => {
  it("writes prices as Kazakh shops show them", () => {
    expect(formatShopPrice(18490)).toBe("18\u00a0490\u00a0₸");
    expect(formatShopPrice(105000, "UZS")).toBe("105\u00a0000\u00a0сум");
    expect(formatShopPrice(19.99, "USD")).toBe("$19.99");
  });
});

describe("renderShopProductPage read back by readPage", () => {
  it.each([
    ["json-ld", "generic:json-ld"],
    ["open-graph", "generic:open-graph"],
    ["microdata", "generic:microdata"],
    ["plain", "generic:heuristics"],
  ] as const)("gives back the product described with %s", (markup, source) => {
    const page = read(renderShopProductPage({ ...kettle, markup, related: products }));
    expect(page).toMatchObject({ site: "generic", kind: "product", source, missing: [], items: [] });
    expect(page.product).toMatchObject({
      title: "Электрочайник Tefal KO 1501",
      price: 18490,
      currency: "KZT",
    });
  });

  it("keeps a dollar price with its cents", () => {
    const page = read(
      renderShopProductPage({ title: "USB cable", price: 19.99, currency: "USD", markup: "plain" }),
    );
    expect(page.product).toMatchObject({ price: 19.99, currency: "USD" });
  });

  it("turns marketplace offers into sellers", () => {
    const page = read(
      renderShopProductPage({
        ...kettle,
        sellers: [
          { name: "Магазин 1", price: 18990 },
          { name: "Магазин 2", price: 18490 },
        ],
      }),
    );
    expect(page.product?.price).toBe(18490);
    expect(page.product?.sellers).toEqual([
      { name: "Магазин 1", id: null, price: 18990 },
      { name: "Магазин 2", id: null, price: 18490 },
    ]);
  });

  it("names the price as missing when the shop shows none", () => {
    for (const markup of ["json-ld", "microdata"] as const) {
      const page = read(renderShopProductPage({ ...kettle, price: null, markup }));
      expect(page.kind).toBe("product");
      expect(page.missing).toEqual(["price"]);
    }
  });
});

describe("renderShopCategoryPage read back by readPage", () => {
  it.each([
    ["json-ld", "generic:json-ld"],
    ["microdata", "generic:microdata"],
    ["plain", "generic:heuristics"],
  ] as const)("gives back every card described with %s and the stated count", (markup, source) => {
    const page = read(
      renderShopCategoryPage({ title: "Мелкая техника", products, total: 48, markup }),
      200,
      `${origin}/catalog/small`,
    );
    expect(page).toMatchObject({ kind: "listing", source, total: 48, product: null });
    expect(page.items.map((item) => [item.title, item.price, item.currency, item.url])).toEqual([
      ["Утюг Philips GC1742", 14990, "KZT", `${origin}/p/2`],
      ["Фен Rowenta CV5", 21990, "KZT", `${origin}/p/3`],
      ["Тостер Bosch TAT", 17990, "KZT", `${origin}/p/4`],
    ]);
  });
});

describe("pages that are not the page asked for", () => {
  it.each(["cloudflare", "recaptcha", "qrator", "datadome"] as const)(
    "reads the %s captcha as blocked",
    (kind) => {
      const page = read(renderCaptchaPage(kind), 403);
      expect(page.kind).toBe("blocked");
      expect(page.items).toEqual([]);
    },
  );

  it.each(["ru", "kk", "en"] as const)("reads the %s error page served with 200 as not found", (language) => {
    const page = read(renderNotFoundPage({ language, recommended: products }));
    expect(page.kind).toBe("not_found");
    expect(page.items).toEqual([]);
  });
});

describe("renderJsShellProductPage", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is an empty shell over HTTP", () => {
    const page = read(renderJsShellProductPage(kettle));
    expect(page).toMatchObject({ kind: "needs_js", items: [], product: null });
  });

  it("is the product page once a real browser has run its script", async () => {
    const tab = await browser.newPage();
    try {
      await tab.setContent(renderJsShellProductPage(kettle), { waitUntil: "load" });
      const page = read(await tab.content());
      expect(page).toMatchObject({
        site: "generic",
        kind: "product",
        source: "generic:json-ld",
        title: "Электрочайник Tefal KO 1501 — TehnoShop.kz",
      });
      expect(page.product).toMatchObject({
        title: "Электрочайник Tefal KO 1501",
        price: 18490,
        currency: "KZT",
        sku: "KO1501",
        brand: "Tefal",
      });
    } finally {
      await tab.close();
    }
  });
});
