import { describe, expect, it } from "vitest";
import { createPageInput } from "../../../packages/scraper/src/adapters/pageInput.ts";
import { readPage } from "../../../packages/scraper/src/adapters/readPage.ts";
import {
  type FakeSatuProduct,
  renderSatuProductPage,
  renderSatuSearchPage,
  satuProductPath,
} from "./satuPages.ts";

const server = "http://127.0.0.1:4010";
const read = (body: string, url: string) =>
  readPage(createPageInput({ url, body, contentType: "text/html", status: 200 }));

const products: FakeSatuProduct[] = [
  { id: 501, title: "Kettle Bosch TWK", price: 21700, seller: "BT Shop", sellerId: 77, city: "Алматы" },
  { id: 502, title: "Самовар 5 л", price: null, seller: "ИП Восток", city: "Караганда" },
  { id: 503, title: "Чайник заварочный", price: 4990, seller: "Посуда KZ", promoted: true },
];

describe("renderSatuSearchPage read back by readPage", () => {
  it("gives back the count, the pagination and every product", () => {
    const page = read(
      renderSatuSearchPage({ products, total: 1234, page: 2, pages: 52, query: "чайник" }),
      `${server}/search?search_term=%D1%87%D0%B0%D0%B9%D0%BD%D0%B8%D0%BA&page=2`,
    );
    expect(page).toMatchObject({
      site: "satu",
      kind: "listing",
      total: 1234,
      page: 2,
      pages: 52,
      missing: [],
    });
    expect(page.next_url).toBe(`${server}/search?search_term=%D1%87%D0%B0%D0%B9%D0%BD%D0%B8%D0%BA&page=3`);
    expect(page.items).toEqual([
      {
        id: "501",
        title: "Kettle Bosch TWK",
        price: 21700,
        currency: "KZT",
        negotiable: null,
        city: "Алматы",
        seller: "BT Shop",
        promoted: false,
        url: `${server}/p501-kettle-bosch-twk.html`,
        seller_type: "business",
      },
      {
        id: "502",
        title: "Самовар 5 л",
        price: null,
        currency: null,
        negotiable: null,
        city: "Караганда",
        seller: "ИП Восток",
        promoted: false,
        url: `${server}/p502-5.html`,
        seller_type: "business",
      },
      {
        id: "503",
        title: "Чайник заварочный",
        price: 4990,
        currency: "KZT",
        negotiable: null,
        city: null,
        seller: "Посуда KZ",
        promoted: true,
        url: `${server}/p503-tovar.html`,
        seller_type: "business",
      },
    ]);
  });

  it("has no next page on the last page", () => {
    const page = read(
      renderSatuSearchPage({ products, total: 75, page: 3, pages: 3 }),
      `${server}/search?search_term=x&page=3`,
    );
    expect(page).toMatchObject({ total: 75, page: 3, pages: 3, next_url: null });
  });

  it.each([1, 3, 21, 112])("reads the count %d whatever its plural form", (total) => {
    const page = read(
      renderSatuSearchPage({ products: products.slice(0, 1), total, page: 1, pages: 1 }),
      `${server}/search?search_term=x`,
    );
    expect(page.total).toBe(total);
  });

  it("gives a listing of 0 results for a search that found nothing", () => {
    const page = read(
      renderSatuSearchPage({ products: [], total: 0, page: 1, pages: 1, query: "чайник золотой" }),
      `${server}/search?search_term=x`,
    );
    expect(page).toMatchObject({ site: "satu", kind: "listing", total: 0, items: [], missing: [] });
  });
});

describe("renderSatuProductPage read back by readPage", () => {
  const product: FakeSatuProduct = {
    id: 104583921,
    title: "Электрочайник Tefal KO 1501",
    price: 18490,
    seller: "ТОО «ТехноМир Алматы»",
    sellerId: 3456789,
    city: "Алматы",
    brand: "Tefal",
    attributes: { Производитель: "Tefal", Объем: "1,7 л" },
    description: "Закрытый нагревательный элемент.",
  };
  const url = `${server}${satuProductPath(product)}`;

  it("gives back the product, its seller and its characteristics", () => {
    const page = read(renderSatuProductPage(product), url);
    expect(page).toMatchObject({ site: "satu", kind: "product", missing: [] });
    expect(page.product).toMatchObject({
      id: "104583921",
      title: "Электрочайник Tefal KO 1501",
      price: 18490,
      currency: "KZT",
      seller: "ТОО «ТехноМир Алматы»",
      sellers: [{ name: "ТОО «ТехноМир Алматы»", id: "3456789", price: 18490 }],
      city: "Алматы",
      brand: "Tefal",
      attributes: { Производитель: "Tefal", Объем: "1,7 л" },
      description: "Закрытый нагревательный элемент.",
    });
  });

  it("takes the price from JSON-LD when the price element is gone, and names it missing when both are", () => {
    expect(read(renderSatuProductPage(product, { priceElement: false }), url).product?.price).toBe(18490);
    const bare = read(renderSatuProductPage(product, { priceElement: false, jsonLd: false }), url);
    expect(bare.product?.price).toBeNull();
    expect(bare.missing).toEqual(["price"]);
  });

  it('reads "Цену уточняйте" as no price', () => {
    const page = read(renderSatuProductPage({ ...product, price: null }), url);
    expect(page.product?.price).toBeNull();
    expect(page.missing).toEqual(["price"]);
  });
});
