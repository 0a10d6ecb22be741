import { describe, expect, it } from "vitest";
import { extractCity, normalizeCity } from "./extractCity.ts";
import { kazakhstanCities } from "./kazakhstanCities.ts";

describe("extractCity", () => {
  it.each([
    // Russian with case endings
    ["Нужен кондиционер в Алматы", "Almaty"],
    ["я из Астаны", "Astana"],
    ["Живу в Караганде", "Karaganda"],
    ["Доставка в Шымкенте есть?", "Shymkent"],
    ["в Усть-Каменогорске", "Oskemen"],
    ["мы в Петропавловске", "Petropavl"],
    ["в Актобе", "Aktobe"],
    ["в Уральске", "Oral"],
    ["в Павлодаре работаете?", "Pavlodar"],
    ["Костанае", "Kostanay"],
    ["из Костаная", "Kostanay"],
    ["Кызылорда", "Kyzylorda"],
    ["в Таразе", "Taraz"],
    ["Атырау", "Atyrau"],
    ["в Актау", "Aktau"],
    ["в Туркестане", "Turkistan"],
    ["в Талдыкоргане", "Taldykorgan"],
    ["в Кокшетау", "Kokshetau"],
    ["в Экибастузе", "Ekibastuz"],
    ["в Темиртау", "Temirtau"],
    ["я в Семее", "Semey"],
    ["из Семея", "Semey"],
    ["город Семей", "Semey"],
    // Kazakh, with and without Kazakh letters
    ["Алматыда тұрамын", "Almaty"],
    ["Астанада бар ма?", "Astana"],
    ["Қарағанды", "Karaganda"],
    ["Қарағандыда", "Karaganda"],
    ["Өскемен", "Oskemen"],
    ["Өскеменге жеткізу", "Oskemen"],
    ["Орал", "Oral"],
    ["Оралда бар ма", "Oral"],
    ["Петропавл", "Petropavl"],
    ["Шымкентте", "Shymkent"],
    ["Ақтөбе", "Aktobe"],
    ["Тараз", "Taraz"],
    ["Қостанай", "Kostanay"],
    ["Қостанайдан", "Kostanay"],
    ["Қызылорда", "Kyzylorda"],
    ["Ақтау", "Aktau"],
    ["Түркістан", "Turkistan"],
    ["Талдықорған", "Taldykorgan"],
    ["Көкшетау", "Kokshetau"],
    ["Екібастұз", "Ekibastuz"],
    ["Теміртау", "Temirtau"],
    ["Семейде", "Semey"],
    ["Алматыга керек", "Almaty"],
    ["Шымкенттемін", "Shymkent"],
    ["Мен Астанадамын", "Astana"],
    ["Қарағандыданмын", "Karaganda"],
    ["Алматылықпын", "Almaty"],
    ["Оралдағы филиал", "Oral"],
    // Old names
    ["в Алма-Ате", "Almaty"],
    ["Алма-Ата", "Almaty"],
    ["в Нур-Султане", "Astana"],
    ["Нұр-Сұлтан", "Astana"],
    ["Целиноград", "Astana"],
    ["Акмола", "Astana"],
    ["Семипалатинск", "Semey"],
    ["Актюбинск", "Aktobe"],
    ["Джамбул", "Taraz"],
    ["в Гурьеве", "Atyrau"],
    ["Кустанай", "Kostanay"],
    ["Кзыл-Орда", "Kyzylorda"],
    ["Талды-Курган", "Taldykorgan"],
    ["Кокчетав", "Kokshetau"],
    ["в Чимкенте", "Shymkent"],
    // Latin
    ["I live in Almaty", "Almaty"],
    ["Alma-Ata", "Almaty"],
    ["Astana please", "Astana"],
    ["Nur-Sultan", "Astana"],
    ["Shymkent", "Shymkent"],
    ["Chimkent", "Shymkent"],
    ["Karaganda", "Karaganda"],
    ["Qaragandy", "Karaganda"],
    ["Ust-Kamenogorsk", "Oskemen"],
    ["Uralsk", "Oral"],
    ["Oral", "Oral"],
    ["Kostanay", "Kostanay"],
  ])("reads %j as %s", (text, city) => {
    expect(extractCity(text)).toBe(city);
  });

  it("takes the first city mentioned", () => {
    expect(extractCity("Доставка из Алматы в Астану")).toBe("Almaty");
    expect(extractCity("Живу в Караганде, но работаю в Астане")).toBe("Karaganda");
    expect(extractCity("Астана или Алматы")).toBe("Astana");
  });

  it.each([
    "Подарок для семей с детьми",
    "Скидки для многодетных семей",
    "он орал на меня",
    "Хоральный концерт",
    "Оралман",
    "oral care products",
    "Петропавловск-Камчатский",
    "Акмолинская область",
    "Ақмола облысы",
    "Нужен диван",
    "Москва",
    "",
    "Урал",
    "Карагандинская область",
  ])("finds no city in %j", (text) => {
    expect(extractCity(text)).toBeNull();
  });
});

describe("normalizeCity", () => {
  it("accepts every official name in any case", () => {
    for (const city of kazakhstanCities) {
      expect(normalizeCity(city)).toBe(city);
      expect(normalizeCity(city.toUpperCase())).toBe(city);
      expect(normalizeCity(city.toLowerCase())).toBe(city);
    }
  });

  it.each([
    ["Алматы", "Almaty"],
    ["  г. Алматы ", "Almaty"],
    ["город Караганда", "Karaganda"],
    ["Шымкент қаласы", "Shymkent"],
    ["Усть-Каменогорск", "Oskemen"],
    ["семей", "Semey"],
    ["Nur-Sultan", "Astana"],
    ["Alma-Ata", "Almaty"],
  ])("normalises %j to %s", (name, city) => {
    expect(normalizeCity(name)).toBe(city);
  });

  it.each(["Moscow", "Tashkent", "", "   ", "Almaty, Astana", "Алматинская область", "в Алматы"])(
    "rejects %j",
    (name) => {
      expect(normalizeCity(name)).toBeNull();
    },
  );
});
