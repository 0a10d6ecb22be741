import { describe, expect, it } from "vitest";
import { parsePriceText } from "./parsePriceText.ts";

describe("parsePriceText", () => {
  it.each([
    [2810, 2810],
    ["2810", 2810],
    ["2 810,00", 2810],
    ["2\u00a0810,50", 2810.5],
    ["12 990 ₸", 12990],
    ["12\u202f990 тг", 12990],
    ["105 000 сум", 105000],
    ["$19.99", 19.99],
    ["1,299.99", 1299.99],
    ["1.299,99", 1299.99],
    ["12,990", 12990],
    ["1.299.000", 1299000],
    ["7 350,5", 7350.5],
    ["Цена: 4 990 ₸ за шт.", 4990],
    ["1'299", 1299],
  ])("reads %j as %d", (text, price) => {
    expect(parsePriceText(text)).toBe(price);
  });

  it("reads a lone dot before three digits as thousands in shown text, as a decimal point in machine fields", () => {
    expect(parsePriceText("1.299")).toBe(1299);
    expect(parsePriceText("1.299", { decimalDot: true })).toBe(1.299);
    expect(parsePriceText("2810.0", { decimalDot: true })).toBe(2810);
  });

  it("gives null for no number, a negative number, or anything but text and numbers", () => {
    expect(parsePriceText("Цену уточняйте")).toBeNull();
    expect(parsePriceText("")).toBeNull();
    expect(parsePriceText(null)).toBeNull();
    expect(parsePriceText(undefined)).toBeNull();
    expect(parsePriceText(-5)).toBeNull();
    expect(parsePriceText(Number.NaN)).toBeNull();
  });
});
