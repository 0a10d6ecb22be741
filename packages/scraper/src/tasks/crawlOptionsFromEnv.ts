import type { ScraperEnv } from "../config/readScraperEnv.ts";
import type { CrawlOptions } from "../crawl/crawlPages.ts";

/** The politeness and network settings every crawl of this process uses. */
export function crawlOptionsFromEnv(env: ScraperEnv): Partial<CrawlOptions> {
  return {
    ratePerSecondPerDomain: env.ratePerSecondPerDomain,
    domainRates: env.domainRates,
    respectRobotsTxt: env.respectRobotsTxt,
    proxyUrls: env.proxyUrls,
    domainProxyUrls: env.domainProxyUrls,
    ...(env.userAgent === undefined ? {} : { userAgent: env.userAgent }),
    maxPageBytes: env.maxPageBytes,
    maxRetries: env.maxRetries,
  };
}
