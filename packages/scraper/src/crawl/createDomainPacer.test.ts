import { describe, expect, it } from "vitest";
import { createDomainPacer } from "./createDomainPacer.ts";

describe("createDomainPacer", () => {
  it("spaces admissions to one domain by its interval and leaves other domains alone", () => {
    let clock = 1000;
    const pacer = createDomainPacer({ defaultRate: 2, now: () => clock });
    expect([1, 2, 3].map(() => pacer.admit("https://olx.kz/d/elektronika/"))).toEqual([0, 500, 1000]);
    expect(pacer.admit("https://satu.kz/p1")).toBe(0);
    clock += 2000;
    // The queue drained meanwhile: the next request goes at once.
    expect(pacer.admit("https://olx.kz/d/elektronika/")).toBe(0);
  });

  it("counts subdomains under a domainRates key as one domain, with its own rate", () => {
    const clock = 0;
    const pacer = createDomainPacer({ defaultRate: 10, domainRates: { "kaspi.kz": 0.5 }, now: () => clock });
    expect(pacer.admit("https://kaspi.kz/shop/c/smartphones/")).toBe(0);
    expect(pacer.admit("https://www.kaspi.kz/shop/p/1/")).toBe(2000);
    expect(pacer.admit("https://olx.kz/a")).toBe(0);
    expect(pacer.admit("https://olx.kz/b")).toBe(100);
  });

  it("does not limit when the rate is null or 0", () => {
    const pacer = createDomainPacer({ defaultRate: null, domainRates: { "olx.kz": 0 }, now: () => 0 });
    expect([1, 2, 3].map(() => pacer.admit("https://olx.kz/x"))).toEqual([0, 0, 0]);
    expect(pacer.admit("https://satu.kz/x")).toBe(0);
  });

  it("holds two starts that come together one interval apart", async () => {
    const pacer = createDomainPacer({ defaultRate: 20 });
    const starts: number[] = [];
    await Promise.all(
      [1, 2, 3].map(async () => {
        await pacer.holdStart("https://olx.kz/x");
        starts.push(performance.now());
      }),
    );
    starts.sort((a, b) => a - b);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(45);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(45);
  });
});
