import { describe, expect, it } from "vitest";
import { readTengeAmount } from "./readTengeAmount.ts";

describe("readTengeAmount", () => {
  it("reads amounts with ordinary, non-breaking and narrow spaces", () => {
    expect(readTengeAmount("2\u00a0810 ₸")).toBe(2810);
    expect(readTengeAmount("528 550 ₸")).toBe(528550);
    expect(readTengeAmount("1\u202f664 ₸")).toBe(1664);
    expect(readTengeAmount("119395")).toBe(119395);
  });

  it("returns null when there is no amount", () => {
    expect(readTengeAmount("Нет в наличии")).toBeNull();
    expect(readTengeAmount("")).toBeNull();
    expect(readTengeAmount(null)).toBeNull();
  });
});
