import { describe, expect, it } from "vitest";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { readExportProducts } from "./readExportProducts.ts";

/** A row of parsed_products as PostgREST sends it for an export. */
const row = {
  site: "kaspi",
  external_id: "102345678",
  title: "Кондиционер Midea MSAG-12",
  price: 189990,
  currency: "KZT",
  price_kzt: 189990,
  negotiable: null,
  city: "Алматы",
  seller: null,
  seller_type: null,
  promoted: false,
  url: "https://kaspi.kz/shop/p/102345678/",
  rating: 4.8,
  reviews: 312,
  views: null,
  posted_at: null,
  brand: "Midea",
  sku: "102345678",
  available: true,
  sellers: [{ name: "Климат Сервис", id: "climat", price: 189990 }],
  data: {
    attributes: { Мощность: "12 000 BTU" },
    description: "Инверторный кондиционер",
    images: ["https://resources.cdn-kaspi.kz/img/m/p/1.jpg"],
    availability: "InStock",
  },
};

describe("readExportProducts", () => {
  it("opens data into the attributes, description and images of the export", () => {
    const [product] = readExportProducts([row]);
    expect(product).toMatchObject({
      title: "Кондиционер Midea MSAG-12",
      price_kzt: 189990,
      attributes: { Мощность: "12 000 BTU" },
      description: "Инверторный кондиционер",
      images: ["https://resources.cdn-kaspi.kz/img/m/p/1.jpg"],
      sellers: [{ name: "Климат Сервис", id: "climat", price: 189990 }],
    });
  });

  it("exports a listing card with empty data as a product without extras", () => {
    const [product] = readExportProducts([{ ...row, sellers: [], data: {} }]);
    expect(product).toMatchObject({ attributes: {}, description: null, images: [], sellers: [] });
  });

  it("leaves out a part of data in a shape the exports do not take, keeping the product", () => {
    const [product] = readExportProducts([
      { ...row, data: { attributes: ["not", "a", "map"], images: "x" } },
    ]);
    expect(product?.attributes).toEqual({});
    expect(product?.images).toEqual([]);
  });

  it("calls a row without a title malformed", () => {
    expect(() => readExportProducts([{ ...row, title: null }])).toThrow(DashboardQueryError);
  });
});
