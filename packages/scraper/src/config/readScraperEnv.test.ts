import { describe, expect, it } from "vitest";
import { readScraperEnv, ScraperConfigError } from "./readScraperEnv.ts";

describe("readScraperEnv", () => {
  it("is polite by default: 1 request/s per domain, robots.txt honoured, the real sites", () => {
    const env = readScraperEnv({});
    expect(env.ratePerSecondPerDomain).toBe(1);
    expect(env.respectRobotsTxt).toBe(true);
    expect(env.baseUrls).toEqual({
      olx: "https://www.olx.kz",
      kaspi: "https://kaspi.kz",
      satu: "https://satu.kz",
    });
    expect(env.proxyUrls).toEqual([]);
    expect(env.maxPageBytes).toBe(5 * 1024 * 1024);
  });

  it("reads per-domain rates and proxies (Kaspi only through Kazakhstan)", () => {
    const env = readScraperEnv({
      ARQAN_SCRAPER_RATE: "0",
      ARQAN_SCRAPER_DOMAIN_RATES: "kaspi.kz=0.5, OLX.kz=2",
      ARQAN_SCRAPER_DOMAIN_PROXIES: "kaspi.kz=http://kz1:3128|http://user:pw@kz2:3128",
      ARQAN_SCRAPER_ROBOTS: "0",
    });
    expect(env.ratePerSecondPerDomain).toBeNull();
    expect(env.domainRates).toEqual({ "kaspi.kz": 0.5, "olx.kz": 2 });
    expect(env.domainProxyUrls).toEqual({ "kaspi.kz": ["http://kz1:3128", "http://user:pw@kz2:3128"] });
    expect(env.respectRobotsTxt).toBe(false);
  });

  it("rejects a bad proxy without echoing it (it may carry a password)", () => {
    let error: unknown = null;
    try {
      readScraperEnv({ ARQAN_SCRAPER_PROXY_URLS: "socks5://user:secret@host:1080" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScraperConfigError);
    expect(String(error)).toContain("ARQAN_SCRAPER_PROXY_URLS");
    expect(String(error)).not.toContain("secret");
  });

  it("rejects a base URL that is not http(s)", () => {
    expect(() => readScraperEnv({ ARQAN_OLX_BASE_URL: "ftp://olx" })).toThrow(/ARQAN_OLX_BASE_URL/);
  });
});
