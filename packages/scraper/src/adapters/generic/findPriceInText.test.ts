import { describe, expect, it } from "vitest";
import { findPriceInText } from "./findPriceInText.ts";
import { readCurrencyCode } from "./readCurrencyCode.ts";

describe("findPriceInText", () => {
  it.each([
    ["12 990 ₸", 12990, "KZT"],
    ["12\u00a0990\u00a0тг", 12990, "KZT"],
    ["Цена 5 000 тенге", 5000, "KZT"],
    ["105 000 сум", 105000, "UZS"],
    ["1 499 руб.", 1499, "RUB"],
    ["₽ нет, но 990 ₽", 990, "RUB"],
    ["$19.99", 19.99, "USD"],
    ["USD 250", 250, "USD"],
    ["€ 5,50", 5.5, "EUR"],
    ["от 2 810 ₸ в рассрочку", 2810, "KZT"],
  ])("finds the price in %j", (text, price, currency) => {
    expect(findPriceInText(text)).toEqual({ price, currency });
  });

  it("takes the first price of several", () => {
    expect(findPriceInText("18 490 ₸ вместо 21 990 ₸")).toEqual({ price: 18490, currency: "KZT" });
  });

  it("does not take a bare number, a phone or a word that merely starts like a currency", () => {
    expect(findPriceInText("Артикул 123456")).toBeNull();
    expect(findPriceInText("+7 701 123 45 67")).toBeNull();
    expect(findPriceInText("12 тгарка")).toBeNull();
    expect(findPriceInText(null)).toBeNull();
  });
});

describe("readCurrencyCode", () => {
  it.each([
    ["KZT", "KZT"],
    ["₸", "KZT"],
    ["тг", "KZT"],
    ["тенге", "KZT"],
    ["сум", "UZS"],
    ["so'm", "UZS"],
    ["руб.", "RUB"],
    ["₽", "RUB"],
    ["$", "USD"],
    ["€", "EUR"],
    ["грн", "UAH"],
    ["GBP", "GBP"],
  ])("reads %j as %s", (text, code) => {
    expect(readCurrencyCode(text)).toBe(code);
  });

  it("gives null when the text names no currency", () => {
    expect(readCurrencyCode("шт.")).toBeNull();
    expect(readCurrencyCode("")).toBeNull();
    expect(readCurrencyCode(null)).toBeNull();
  });
});
