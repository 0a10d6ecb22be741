import { describe, expect, it } from "vitest";
import { isTaskUrl, readTaskUrls } from "./readTaskUrls.ts";

describe("isTaskUrl", () => {
  it("takes absolute http and https addresses", () => {
    expect(isTaskUrl("https://www.olx.kz/elektronika/q-кондиционер/")).toBe(true);
    expect(isTaskUrl("http://127.0.0.1:4310/shop/catalog.html")).toBe(true);
    expect(isTaskUrl("HTTPS://kaspi.kz/shop/c/air%20conditioners/")).toBe(true);
  });

  it("refuses relative addresses, other schemes and text", () => {
    expect(isTaskUrl("olx.kz/elektronika")).toBe(false);
    expect(isTaskUrl("/shop/catalog.html")).toBe(false);
    expect(isTaskUrl("ftp://example.kz/prices.xml")).toBe(false);
    expect(isTaskUrl("javascript:alert(1)")).toBe(false);
    expect(isTaskUrl("https:/olx.kz")).toBe(false);
    expect(isTaskUrl("кондиционеры алматы")).toBe(false);
    expect(isTaskUrl("https://")).toBe(false);
    expect(isTaskUrl("https://olx.kz/a b")).toBe(false);
  });
});

describe("readTaskUrls", () => {
  it("reads one address per line, skipping blank lines and repeats", () => {
    const text =
      "  https://satu.kz/Kondytsionery.html \n\nhttps://www.olx.kz/q-сплит/\r\nhttps://satu.kz/Kondytsionery.html\n";
    expect(readTaskUrls(text)).toEqual({
      urls: ["https://satu.kz/Kondytsionery.html", "https://www.olx.kz/q-сплит/"],
      invalid: [],
    });
  });

  it("names the lines that are not addresses", () => {
    expect(readTaskUrls("https://kaspi.kz/shop/\nkaspi.kz/shop\nкупить кондиционер")).toEqual({
      urls: ["https://kaspi.kz/shop/"],
      invalid: ["kaspi.kz/shop", "купить кондиционер"],
    });
  });

  it("finds nothing in an empty box", () => {
    expect(readTaskUrls("\n  \n")).toEqual({ urls: [], invalid: [] });
  });
});
