import { kazakhstanCities } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { buildOlxSearchUrl, olxCitySlugs } from "./buildOlxSearchUrl.ts";

describe("buildOlxSearchUrl", () => {
  it("searches all of Kazakhstan under /list/ and writes spaces as dashes", () => {
    expect(buildOlxSearchUrl({ query: "iphone" })).toBe("https://www.olx.kz/list/q-iphone/");
    expect(buildOlxSearchUrl({ query: "  iphone   13 pro " })).toBe(
      "https://www.olx.kz/list/q-iphone-13-pro/",
    );
  });

  it("searches one city under its OLX slug", () => {
    expect(buildOlxSearchUrl({ query: "диван", city: "Almaty" })).toBe(
      "https://www.olx.kz/almaty/q-%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD/",
    );
    expect(buildOlxSearchUrl({ query: "iphone", city: "Oskemen" })).toBe(
      "https://www.olx.kz/ust-kamenogorsk/q-iphone/",
    );
    expect(buildOlxSearchUrl({ query: "iphone", city: "Oral" })).toBe("https://www.olx.kz/uralsk/q-iphone/");
  });

  it("adds ?page=N from the second page on", () => {
    expect(buildOlxSearchUrl({ query: "iphone", page: 1 })).toBe("https://www.olx.kz/list/q-iphone/");
    expect(buildOlxSearchUrl({ query: "iphone", city: "Astana", page: 3 })).toBe(
      "https://www.olx.kz/astana/q-iphone/?page=3",
    );
  });

  it("builds on another base URL (a sister country or a test server)", () => {
    expect(buildOlxSearchUrl({ query: "iphone", baseUrl: "http://127.0.0.1:4000/", page: 2 })).toBe(
      "http://127.0.0.1:4000/list/q-iphone/?page=2",
    );
  });

  it("takes every official city name, other spellings, and searches the whole country for an unknown city", () => {
    for (const city of kazakhstanCities) {
      expect(buildOlxSearchUrl({ query: "iphone", city })).toBe(
        `https://www.olx.kz/${olxCitySlugs[city]}/q-iphone/`,
      );
    }
    expect(buildOlxSearchUrl({ query: "iphone", city: "Алматы" })).toBe(
      "https://www.olx.kz/almaty/q-iphone/",
    );
    expect(buildOlxSearchUrl({ query: "iphone", city: "Нур-Султан" })).toBe(
      "https://www.olx.kz/astana/q-iphone/",
    );
    expect(buildOlxSearchUrl({ query: "iphone", city: "Москва" })).toBe("https://www.olx.kz/list/q-iphone/");
  });

  it("has a distinct slug for each of the 20 cities", () => {
    const slugs = kazakhstanCities.map((city) => olxCitySlugs[city]);
    expect(new Set(slugs).size).toBe(20);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z-]+$/);
  });
});
