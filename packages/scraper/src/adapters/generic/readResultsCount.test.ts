import { describe, expect, it } from "vitest";
import { readResultsCount } from "./readResultsCount.ts";

describe("readResultsCount", () => {
  it.each([
    ["Найдено 1 234 товара", 1234],
    ["Найдено\u00a01\u00a0234 товара", 1234],
    ["Найдено: 87 товаров", 87],
    ["Мы нашли более 1 000 объявлений", 1000],
    ["1 234 товара найдено по запросу", 1234],
    ["1 234 тауар табылды", 1234],
    ["Showing 1–24 of 1,234 results", 1234],
    ["Найдено 0 товаров", 0],
  ])("reads %j as %d", (text, count) => {
    expect(readResultsCount(text)).toBe(count);
  });

  it("gives null when the page states no count", () => {
    expect(readResultsCount("Электрочайники Tefal — 18 490 ₸")).toBeNull();
    expect(readResultsCount("")).toBeNull();
  });
});
