import { describe, expect, it } from "vitest";
import { readOlxCurrency, readOlxPrice } from "./readOlxPrice.ts";

const regular = (
  value: number,
  currencyCode: string | null,
  currencySymbol: string,
  negotiable: boolean,
) => ({
  displayValue: `${value} ${currencySymbol}`,
  regularPrice: { value, currencyCode, currencySymbol, negotiable },
});

describe("readOlxPrice", () => {
  it("keeps a fixed price in the ad's own currency", () => {
    expect(readOlxPrice(regular(105000, "UZS", "сум", false))).toEqual({
      price: 105000,
      currency: "UZS",
      negotiable: false,
    });
    expect(readOlxPrice(regular(1150, "USD", "$", true))).toEqual({
      price: 1150,
      currency: "USD",
      negotiable: true,
    });
  });

  it("reads the currency from the sign when the state has no ISO code", () => {
    expect(readOlxPrice(regular(7990, null, "тг.", false)).currency).toBe("KZT");
    expect(readOlxPrice(regular(7990, null, "₸", false)).currency).toBe("KZT");
    expect(readOlxPrice(regular(300, null, "у.е.", false)).currency).toBe("USD");
    expect(readOlxPrice(regular(300, null, "€", false)).currency).toBe("EUR");
  });

  it("reads 'Договорная' as negotiable with no amount, never as 0", () => {
    expect(readOlxPrice({ displayValue: "Договорная", regularPrice: null })).toEqual({
      price: null,
      currency: null,
      negotiable: true,
    });
  });

  it("reads a free item as 0 and an exchange as no price", () => {
    expect(readOlxPrice({ displayValue: "Бесплатно", free: true, regularPrice: null })).toEqual({
      price: 0,
      currency: null,
      negotiable: false,
    });
    expect(readOlxPrice({ displayValue: "Обмен", exchange: true, regularPrice: null })).toEqual({
      price: null,
      currency: null,
      negotiable: null,
    });
  });

  it("falls back to the shown price when the structured price is gone", () => {
    expect(readOlxPrice({ displayValue: "245 000 ₸", regularPrice: null })).toEqual({
      price: 245000,
      currency: "KZT",
      negotiable: null,
    });
    expect(readOlxPrice(null)).toEqual({ price: null, currency: null, negotiable: null });
  });
});

describe("readOlxCurrency", () => {
  it("maps the signs OLX shows to ISO codes", () => {
    expect(readOlxCurrency("105 000 сум")).toBe("UZS");
    expect(readOlxCurrency("1 200 $")).toBe("USD");
    expect(readOlxCurrency("KZT")).toBe("KZT");
    expect(readOlxCurrency("Договорная")).toBeNull();
    expect(readOlxCurrency(null)).toBeNull();
  });
});
