import { describe, expect, it } from "vitest";
import { readNeed } from "./readNeed.ts";

describe("readNeed", () => {
  it.each([
    ["Здравствуйте, нужен кондиционер на квартиру", "Здравствуйте, нужен кондиционер на квартиру"],
    ["  Маған диван керек  ", "Маған диван керек"],
    ["Ремонт", "Ремонт"],
    ["I need a sofa", "I need a sofa"],
  ])("keeps %j as the need", (text, need) => {
    expect(readNeed(text)).toBe(need);
  });

  it.each([
    "Здравствуйте",
    "Добрый день!",
    "Сәлеметсіз бе",
    "Салем",
    "Hi",
    "Hello!",
    "+7 701 123 45 67",
    "Алматы",
    "я в Караганде",
    "бюджет 300 тыс тенге",
    "срочно",
    "на следующей неделе",
    "Да",
    "Иә, рахмет",
    "👍",
    "",
  ])("finds no need in %j", (text) => {
    expect(readNeed(text)).toBeNull();
  });

  it("keeps at most 500 characters", () => {
    const need = readNeed(`Нужен ${"очень ".repeat(200)}большой диван`);
    expect(need).toHaveLength(500);
    expect(need?.startsWith("Нужен очень")).toBe(true);
  });
});
