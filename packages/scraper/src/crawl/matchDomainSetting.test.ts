import { describe, expect, it } from "vitest";
import { matchDomainSetting } from "./matchDomainSetting.ts";

describe("matchDomainSetting", () => {
  const rates = matchDomainSetting<number | null>({ "kaspi.kz": 0.5, "OLX.kz": null, "127.0.0.1": 4 });

  it("gives a subdomain its parent domain's setting and key", () => {
    expect(rates("www.kaspi.kz")).toEqual({ domain: "kaspi.kz", value: 0.5 });
    expect(rates("kaspi.kz")).toEqual({ domain: "kaspi.kz", value: 0.5 });
  });

  it("matches case-insensitively and keeps a null value (no limit)", () => {
    expect(rates("m.olx.KZ")).toEqual({ domain: "olx.kz", value: null });
  });

  it("answers null for a host outside every listed domain, and for look-alike hosts", () => {
    expect(rates("satu.kz")).toBeNull();
    expect(rates("notkaspi.kz")).toBeNull();
    expect(rates("127.0.0.1")).toEqual({ domain: "127.0.0.1", value: 4 });
  });
});
