import { describe, expect, it } from "vitest";
import { isKaspiHost } from "./isKaspiHost.ts";

describe("isKaspiHost", () => {
  it("accepts kaspi.kz and its subdomains", () => {
    for (const host of ["kaspi.kz", "www.kaspi.kz", "m.kaspi.kz", "KASPI.KZ", "kaspi.kz:443"]) {
      expect(isKaspiHost(host), host).toBe(true);
    }
  });

  it("rejects other sites and look-alikes", () => {
    for (const host of ["olx.kz", "notkaspi.kz", "kaspi.kz.example.com", "kaspi.com", ""]) {
      expect(isKaspiHost(host), host).toBe(false);
    }
  });
});
