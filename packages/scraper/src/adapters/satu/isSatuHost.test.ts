import { describe, expect, it } from "vitest";
import { isSatuHost } from "./isSatuHost.ts";

describe("isSatuHost", () => {
  it.each([
    "satu.kz",
    "SATU.KZ",
    "www.satu.kz",
    "almaty.satu.kz",
    "tehnomir-almaty.satu.kz",
    "satu.kz.",
    "satu.kz:443",
  ])("recognises %s", (host) => {
    expect(isSatuHost(host)).toBe(true);
  });

  it("accepts a whole URL", () => {
    expect(isSatuHost("https://almaty.satu.kz/search?search_term=x")).toBe(true);
    expect(isSatuHost("https://kaspi.kz/shop/")).toBe(false);
  });

  it.each(["kaspi.kz", "olx.kz", "notsatu.kz", "satu.kz.evil.com", "satu.com", "prom.ua", ""])(
    "rejects %j",
    (host) => {
      expect(isSatuHost(host)).toBe(false);
    },
  );
});
