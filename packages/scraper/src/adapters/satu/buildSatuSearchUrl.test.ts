import { describe, expect, it } from "vitest";
import { buildSatuSearchUrl } from "./buildSatuSearchUrl.ts";

describe("buildSatuSearchUrl", () => {
  it("builds the first results page without a page parameter", () => {
    expect(buildSatuSearchUrl({ query: "чайник" })).toBe(
      "https://satu.kz/search?search_term=%D1%87%D0%B0%D0%B9%D0%BD%D0%B8%D0%BA",
    );
    expect(buildSatuSearchUrl({ query: "чайник", page: 1 })).toBe(buildSatuSearchUrl({ query: "чайник" }));
  });

  it("adds the page from the second page on", () => {
    expect(buildSatuSearchUrl({ query: "bosch", page: 3 })).toBe(
      "https://satu.kz/search?search_term=bosch&page=3",
    );
  });

  it("encodes spaces and symbols of the query and trims it", () => {
    const url = new URL(buildSatuSearchUrl({ query: "  чайник & кофеварка 1,7 л " }));
    expect(url.searchParams.get("search_term")).toBe("чайник & кофеварка 1,7 л");
  });

  it("points at another base URL (a fake server in tests)", () => {
    expect(buildSatuSearchUrl({ query: "plita", page: 2, baseUrl: "http://127.0.0.1:4010" })).toBe(
      "http://127.0.0.1:4010/search?search_term=plita&page=2",
    );
  });
});
