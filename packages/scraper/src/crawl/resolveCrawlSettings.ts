import { type SiteChoice, siteChoices } from "@arqan/shared";
import { z } from "zod";
import type { CrawlOptions } from "./crawlContract.ts";

/** A desktop Chrome as current as the bundled Chromium, so sites answer as they would to a shopper. */
export const defaultUserAgent =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36";

/** The crawl's settings with every default filled in. */
export interface CrawlSettings {
  site: SiteChoice;
  browser: "auto" | "never" | "always";
  defaultRate: number | null;
  domainRates: Record<string, number | null>;
  respectRobotsTxt: boolean;
  proxyUrls: string[];
  domainProxyUrls: Record<string, string[]>;
  userAgent: string;
  maxRetries: number;
  backoffMs: number;
  maxPageBytes: number;
  timeoutMs: number;
  followPages: number;
  httpConcurrency: number;
  browserConcurrency: number;
}

/** Options a caller got wrong (a negative retry count, a proxy that is not an http(s) URL): thrown, not reported. */
export class CrawlOptionsError extends TypeError {
  override readonly name = "CrawlOptionsError";
}

const rate = z.number().min(0).nullable();
const proxyUrl = z.url({ protocol: /^https?$/ });
const settingsSchema = z.object({
  site: z.enum(siteChoices).default("auto"),
  browser: z.enum(["auto", "never", "always"]).default("auto"),
  ratePerSecondPerDomain: rate.default(1),
  domainRates: z.record(z.string().min(1), rate).default({}),
  respectRobotsTxt: z.boolean().default(true),
  proxyUrls: z.array(proxyUrl).default([]),
  domainProxyUrls: z.record(z.string().min(1), z.array(proxyUrl).min(1)).default({}),
  userAgent: z.string().min(1).default(defaultUserAgent),
  maxRetries: z.number().int().min(0).max(20).default(3),
  backoffMs: z.number().min(0).default(1000),
  maxPageBytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  timeoutMs: z.number().positive().default(30_000),
  followPages: z.number().int().min(0).default(0),
  concurrency: z
    .object({
      http: z.number().int().min(1).max(200).optional(),
      browser: z.number().int().min(1).max(32).optional(),
    })
    .default({}),
});

/** Fills in the defaults; throws CrawlOptionsError for options no crawl can run with. */
export function resolveCrawlSettings(options: CrawlOptions): CrawlSettings {
  const { urls: _urls, signal: _signal, onPage, onProgress: _progress, log: _log, ...rest } = options;
  if (typeof onPage !== "function") throw new CrawlOptionsError("crawlPages needs an onPage callback");
  if (!Array.isArray(options.urls)) throw new CrawlOptionsError("crawlPages needs a urls array");
  const parsed = settingsSchema.safeParse(rest);
  if (!parsed.success) throw new CrawlOptionsError(`invalid crawl options: ${z.prettifyError(parsed.error)}`);
  const s = parsed.data;
  return {
    site: s.site,
    browser: s.browser,
    defaultRate: s.ratePerSecondPerDomain,
    domainRates: s.domainRates,
    respectRobotsTxt: s.respectRobotsTxt,
    proxyUrls: s.proxyUrls,
    domainProxyUrls: s.domainProxyUrls,
    userAgent: s.userAgent,
    maxRetries: s.maxRetries,
    backoffMs: s.backoffMs,
    maxPageBytes: s.maxPageBytes,
    timeoutMs: s.timeoutMs,
    followPages: s.followPages,
    httpConcurrency: s.concurrency.http ?? 12,
    browserConcurrency: s.concurrency.browser ?? 3,
  };
}
