import { describe, expect, it } from "vitest";
import { decodePageBody } from "./decodePageBody.ts";

describe("decodePageBody", () => {
  // "Цена" in windows-1251.
  const cp1251 = Buffer.from([0xd6, 0xe5, 0xed, 0xe0]);

  it("uses the Content-Type charset", () => {
    expect(decodePageBody(cp1251, "text/html; charset=windows-1251")).toBe("Цена");
  });

  it("falls back to a meta charset, then UTF-8", () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body>'),
      cp1251,
    ]);
    expect(decodePageBody(page, "text/html")).toContain("Цена");
    expect(decodePageBody(Buffer.from("Цена ₸", "utf8"), null)).toBe("Цена ₸");
    expect(decodePageBody(Buffer.from("Цена", "utf8"), "text/html; charset=nonsense-8")).toBe("Цена");
  });
});
