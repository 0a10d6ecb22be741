import { kazakhstanCities } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { buildKaspiSearchUrl, kaspiCityIds } from "./buildKaspiSearchUrl.ts";

describe("buildKaspiSearchUrl", () => {
  it("searches with the query as text", () => {
    expect(buildKaspiSearchUrl({ query: "рашгард" })).toBe(
      "https://kaspi.kz/shop/search/?text=%D1%80%D0%B0%D1%88%D0%B3%D0%B0%D1%80%D0%B4",
    );
    expect(buildKaspiSearchUrl({ query: " iphone  15 " })).toBe(
      "https://kaspi.kz/shop/search/?text=iphone%2015",
    );
  });

  it("asks for one city's prices by its Kaspi id", () => {
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Almaty" })).toBe(
      "https://kaspi.kz/shop/search/?text=iphone&c=750000000",
    );
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Astana" })).toContain("&c=710000000");
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Shymkent" })).toContain("&c=511010000");
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Karaganda" })).toContain("&c=351010000");
  });

  it("adds &page=N from the second page on", () => {
    expect(buildKaspiSearchUrl({ query: "iphone", page: 1 })).toBe(
      "https://kaspi.kz/shop/search/?text=iphone",
    );
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Almaty", page: 4 })).toBe(
      "https://kaspi.kz/shop/search/?text=iphone&c=750000000&page=4",
    );
  });

  it("builds on a test server's base URL", () => {
    expect(buildKaspiSearchUrl({ query: "iphone", baseUrl: "http://127.0.0.1:4100/" })).toBe(
      "http://127.0.0.1:4100/shop/search/?text=iphone",
    );
  });

  it("takes every official city name, other spellings, and omits the city it does not know", () => {
    for (const city of kazakhstanCities) {
      expect(buildKaspiSearchUrl({ query: "iphone", city })).toBe(
        `https://kaspi.kz/shop/search/?text=iphone&c=${kaspiCityIds[city]}`,
      );
    }
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Усть-Каменогорск" })).toContain("&c=631010000");
    expect(buildKaspiSearchUrl({ query: "iphone", city: "Бишкек" })).toBe(
      "https://kaspi.kz/shop/search/?text=iphone",
    );
  });

  it("knows a distinct city id for each of the 20 cities", () => {
    const ids = kazakhstanCities.map((city) => kaspiCityIds[city]);
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^\d{9}$/);
  });
});
