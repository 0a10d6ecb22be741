import { describe, expect, it } from "vitest";
import { formatTenge } from "../format/formatTenge.ts";
import { formatProductPrice } from "./formatProductPrice.ts";

describe("formatProductPrice", () => {
  it("writes tenge as whole tenge", () => {
    expect(formatProductPrice({ price: 189_990, currency: "KZT", price_kzt: 189_990 }, "ru-KZ")).toBe(
      formatTenge(189_990),
    );
    expect(formatProductPrice({ price: 1500.4, currency: "kzt", price_kzt: null }, "ru-KZ")).toBe(
      formatTenge(1500),
    );
  });

  it("writes another currency with its code, and its tenge value when known", () => {
    const usd = formatProductPrice({ price: 1250.5, currency: "USD", price_kzt: null }, "en-GB");
    expect(usd).toBe("1,250.5 USD");
    const converted = formatProductPrice({ price: 1250, currency: "USD", price_kzt: 600_000 }, "en-GB");
    expect(converted).toBe(`1,250 USD (≈ ${formatTenge(600_000)})`);
  });

  it("falls back to the tenge value, and has nothing to show without any price", () => {
    expect(formatProductPrice({ price: null, currency: null, price_kzt: 5000 }, "ru-KZ")).toBe(
      formatTenge(5000),
    );
    expect(formatProductPrice({ price: null, currency: "KZT", price_kzt: null }, "ru-KZ")).toBeNull();
  });

  it("shows a price without a currency as a bare number, not as tenge", () => {
    expect(formatProductPrice({ price: 4200, currency: null, price_kzt: null }, "en-GB")).toBe("4,200");
  });
});
