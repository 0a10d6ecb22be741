import { z } from "zod";

/**
 * The scraper's settings, read and validated once per process from the environment (see .env.example).
 * Politeness is on by default: 1 request per second per domain, robots.txt honoured.
 */
export interface ScraperEnv {
  /** Requests per second per domain; null = no limit (a local fixture site, benchmarks). */
  ratePerSecondPerDomain: number | null;
  /** Per-host overrides, e.g. {"kaspi.kz": 0.5}. */
  domainRates: Record<string, number | null>;
  respectRobotsTxt: boolean;
  proxyUrls: string[];
  /** Per-host proxies (Kaspi answers only from Kazakhstan). */
  domainProxyUrls: Record<string, string[]>;
  userAgent: string | undefined;
  maxPageBytes: number;
  maxRetries: number;
  /** Where niche research sends its searches; tests point them at fakes. */
  baseUrls: { olx: string; kaspi: string; satu: string };
  /** The local HTTP service's port and the bearer token it requires. */
  servicePort: number;
  serviceToken: string | null;
}

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const rate = z.coerce.number().min(0).max(1000);

const scraperEnvSchema = z.object({
  ARQAN_SCRAPER_RATE: rate.default(1),
  ARQAN_SCRAPER_DOMAIN_RATES: z.string().default(""),
  ARQAN_SCRAPER_ROBOTS: z.enum(["0", "1"]).default("1"),
  ARQAN_SCRAPER_PROXY_URLS: z.string().default(""),
  ARQAN_SCRAPER_DOMAIN_PROXIES: z.string().default(""),
  ARQAN_SCRAPER_USER_AGENT: z.string().min(1).optional(),
  ARQAN_SCRAPER_MAX_PAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  ARQAN_SCRAPER_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  ARQAN_OLX_BASE_URL: httpUrl.default("https://www.olx.kz"),
  ARQAN_KASPI_BASE_URL: httpUrl.default("https://kaspi.kz"),
  ARQAN_SATU_BASE_URL: httpUrl.default("https://satu.kz"),
  ARQAN_SCRAPER_PORT: z.coerce.number().int().min(0).max(65535).default(54324),
  ARQAN_SCRAPER_TOKEN: z.string().min(16, "ARQAN_SCRAPER_TOKEN needs at least 16 characters").optional(),
});

export class ScraperConfigError extends Error {
  override name = "ScraperConfigError";
}

export function readScraperEnv(env: Record<string, string | undefined> = process.env): ScraperEnv {
  const parsed = scraperEnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    throw new ScraperConfigError(
      `Invalid scraper configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  const domainRates: Record<string, number | null> = {};
  for (const [host, value] of readHostPairs(e.ARQAN_SCRAPER_DOMAIN_RATES, "ARQAN_SCRAPER_DOMAIN_RATES")) {
    const perSecond = rate.safeParse(value);
    if (!perSecond.success) {
      throw new ScraperConfigError(
        `ARQAN_SCRAPER_DOMAIN_RATES: '${value}' for ${host} is not a rate per second`,
      );
    }
    domainRates[host] = perSecond.data === 0 ? null : perSecond.data;
  }
  const domainProxyUrls: Record<string, string[]> = {};
  for (const [host, value] of readHostPairs(e.ARQAN_SCRAPER_DOMAIN_PROXIES, "ARQAN_SCRAPER_DOMAIN_PROXIES")) {
    domainProxyUrls[host] = readProxyList(
      value.replaceAll("|", ","),
      `ARQAN_SCRAPER_DOMAIN_PROXIES (${host})`,
    );
  }
  return {
    ratePerSecondPerDomain: e.ARQAN_SCRAPER_RATE === 0 ? null : e.ARQAN_SCRAPER_RATE,
    domainRates,
    respectRobotsTxt: e.ARQAN_SCRAPER_ROBOTS === "1",
    proxyUrls: readProxyList(e.ARQAN_SCRAPER_PROXY_URLS, "ARQAN_SCRAPER_PROXY_URLS"),
    domainProxyUrls,
    userAgent: e.ARQAN_SCRAPER_USER_AGENT,
    maxPageBytes: e.ARQAN_SCRAPER_MAX_PAGE_BYTES,
    maxRetries: e.ARQAN_SCRAPER_RETRIES,
    baseUrls: { olx: e.ARQAN_OLX_BASE_URL, kaspi: e.ARQAN_KASPI_BASE_URL, satu: e.ARQAN_SATU_BASE_URL },
    servicePort: e.ARQAN_SCRAPER_PORT,
    serviceToken: e.ARQAN_SCRAPER_TOKEN ?? null,
  };
}

/** "kaspi.kz=0.5, olx.kz=1" → [["kaspi.kz", "0.5"], ["olx.kz", "1"]]. */
function readHostPairs(text: string, variable: string): Array<[string, string]> {
  return text
    .split(",")
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new ScraperConfigError(`${variable}: '${pair}' is not host=value`);
      return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()];
    });
}

function readProxyList(text: string, variable: string): string[] {
  const urls = text
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "");
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
      // The proxy URL may carry a password: name the variable, never echo the value.
      throw new ScraperConfigError(`${variable}: every proxy must be an http:// or https:// URL`);
    }
  }
  return urls;
}
