import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detectLanguage.ts";

describe("detectLanguage", () => {
  it.each([
    "Иә",
    "Сәлеметсіз бе",
    "Сәлеметсіз бе! Бағасы қанша?",
    "Маған кондиционер керек, Алматыда",
    "ҚАНША ТҰРАДЫ",
    "Рахмет",
    "Жок, керек емес",
    "Ия",
    "салем, багасы канша?",
    "Маган диван керек",
    "Жаксы, рахмет",
    "Калай аласыз?",
    "мен Астанада турамын",
    "Алгым келеди",
    "Бар ма?",
    "Мен бар",
    "Ертен келемин",
    "Жеткизу тегин бе?",
    "Осы айда",
  ])("reads %j as Kazakh", (text) => {
    expect(detectLanguage(text)).toBe("kk");
  });

  it.each([
    "Да",
    "Здравствуйте, сколько стоит?",
    "Добрый день! Нужен кондиционер в Алматы",
    "Нет",
    "Бюджет 300 тыс тенге",
    "Сколько тенге за доставку?",
    "Мы пошли в бар",
    "Айда в магазин",
    "Алматы",
    "ок",
    "Спасибо, жду звонка",
    "Вниз по лестнице",
    "Мне нужен камин и витамины",
    "Привет! Есть в наличии?",
    "Я из Караганды, нужен ремонт",
  ])("reads %j as Russian", (text) => {
    expect(detectLanguage(text)).toBe("ru");
  });

  it.each(["Ok", "Hi, how much is it?", "I need an air conditioner in Almaty", "yes", "Price?"])(
    "reads %j as English",
    (text) => {
      expect(detectLanguage(text)).toBe("en");
    },
  );

  it("reads Cyrillic mixed with Latin by its Cyrillic", () => {
    expect(detectLanguage("Нужен iPhone 15 Pro")).toBe("ru");
    expect(detectLanguage("iPhone 15 керек")).toBe("kk");
  });

  it.each(["", "   ", "+7 701 123 45 67", "300 000", "👍", "?!"])("finds no language in %j", (text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});
