import { describe, expect, it } from "vitest";
import { isOlxHost } from "./isOlxHost.ts";

describe("isOlxHost", () => {
  it("accepts olx.kz with and without www, the mobile host and the sister countries", () => {
    for (const host of ["olx.kz", "www.olx.kz", "m.olx.kz", "WWW.OLX.KZ", "www.olx.kz:443", "olx.kz."]) {
      expect(isOlxHost(host), host).toBe(true);
    }
    for (const host of ["www.olx.uz", "olx.ua", "www.olx.pl", "www.olx.ro", "www.olx.pt", "www.olx.bg"]) {
      expect(isOlxHost(host), host).toBe(true);
    }
  });

  it("rejects other sites, look-alikes and OLX countries on another platform", () => {
    for (const host of ["kaspi.kz", "notolx.kz", "olx.kz.evil.com", "olx.com", "olx.in", "krisha.kz", ""]) {
      expect(isOlxHost(host), host).toBe(false);
    }
  });
});
