import { describe, expect, it } from "vitest";
import { extractSignals, signalsSchema } from "./extractSignals.ts";

describe("extractSignals", () => {
  it("reads everything a Russian lead puts in one message", () => {
    expect(extractSignals("Нужен кондиционер в Алматы, бюджет 300 тыс, срочно, +7 701 123 45 67")).toEqual({
      language: "ru",
      city: "Almaty",
      budget_kzt: 300_000,
      timeline_days: 1,
      phone: "+77011234567",
    });
  });

  it("reads a Kazakh lead's message", () => {
    expect(
      extractSignals("Сәлеметсіз бе! Астанада диван керек, 500 мың теңгеге дейін, осы аптада. 87771234567"),
    ).toEqual({
      language: "kk",
      city: "Astana",
      budget_kzt: 500_000,
      timeline_days: 7,
      phone: "+77771234567",
    });
  });

  it("reads an English lead's message", () => {
    expect(extractSignals("Hi, looking for a flat in Nur-Sultan, budget 40 mln tenge, next month")).toEqual({
      language: "en",
      city: "Astana",
      budget_kzt: 40_000_000,
      timeline_days: 62,
      phone: null,
    });
  });

  it("gives nulls and Russian for a message without letters or signals", () => {
    expect(extractSignals("👍")).toEqual({
      language: "ru",
      city: null,
      budget_kzt: null,
      timeline_days: null,
      phone: null,
    });
  });

  it("produces values its schema accepts", () => {
    const signals = extractSignals("Караганда, 2 млн, через 2 недели, 8 701 123 45 67");
    expect(signalsSchema.parse(signals)).toEqual(signals);
    expect(() => signalsSchema.parse({ ...signals, city: "Moscow" })).toThrow();
  });
});
