import type { ParsedPage, SiteChoice } from "@arqan/shared";

/** Why one URL produced no usable page; stable codes the task runner and the CLI report as they are. */
export const crawlErrorCodes = [
  "invalid_url",
  "robots_disallowed",
  "too_large",
  "blocked",
  "not_found",
  "http_error",
  "network",
  "timeout",
  "cancelled",
] as const;
export type CrawlErrorCode = (typeof crawlErrorCodes)[number];

export interface CrawlError {
  code: CrawlErrorCode;
  message: string;
  /** The last HTTP status seen, null when no response came. */
  status: number | null;
  /** True when the same URL may succeed later (blocked, a server error, the network); false when it never will. */
  retryable: boolean;
}

/** One URL's outcome, handed to `onPage` as soon as it is known. */
export type CrawlResult =
  | { url: string; ok: true; page: ParsedPage }
  | { url: string; ok: false; error: CrawlError; page: ParsedPage | null };

export interface CrawlProgress {
  /** URLs with a result (ok or failed). */
  done: number;
  /** Of `done`, the failed ones. */
  failed: number;
  /** URLs known so far: the given ones plus listing pages followed. */
  total: number;
  /** URLs waiting for their turn (not yet done and not being fetched right now). */
  queued: number;
}

export interface CrawlOptions {
  /** Absolute http(s) URLs; anything else comes back as a failed result with code "invalid_url" (never thrown). */
  urls: string[];
  /** Passed to readPage; default "auto". */
  site?: SiteChoice;
  /** auto: HTTP first, the browser only for pages readPage classifies "needs_js". */
  browser?: "auto" | "never" | "always";
  /** Requests per second to one domain; default 1; null or 0 = no limit (benchmarks, the local fixture site). */
  ratePerSecondPerDomain?: number | null;
  /** Per-domain override by host, subdomains included (e.g. {"kaspi.kz": 0.5}). */
  domainRates?: Record<string, number | null>;
  /** Default true: a URL robots.txt disallows for our user agent is not fetched ("robots_disallowed"). */
  respectRobotsTxt?: boolean;
  /** HTTP(S) proxies, rotated per request. */
  proxyUrls?: string[];
  /** Per-domain proxies by host, subdomains included (Kaspi answers only from Kazakhstan). */
  domainProxyUrls?: Record<string, string[]>;
  /** Default: a current desktop Chrome. */
  userAgent?: string;
  /** Default 3 retries after the first try; exponential backoff from `backoffMs` (1x, 2x, 4x… plus jitter). */
  maxRetries?: number;
  /** Default 1000 ms. */
  backoffMs?: number;
  /** Default 5 MiB: a bigger page fails "too_large"; the body is not read past the limit. */
  maxPageBytes?: number;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** For listings: follow ParsedPage.next_url up to N further pages (default 0). Each page gets its own result. */
  followPages?: number;
  concurrency?: { http?: number; browser?: number };
  /** Stops early (a cancelled task): pending URLs come back "cancelled". */
  signal?: AbortSignal;
  /** Called once per URL as soon as it is done, in any order. A rejection stops the crawl and is rethrown. */
  onPage: (result: CrawlResult) => void | Promise<void>;
  onProgress?: (progress: CrawlProgress) => void;
  /** Default silent; never printed to stdout (the CLI prints JSON there). */
  log?: (line: string) => void;
}

export interface CrawlSummary {
  pages: number;
  ok: number;
  failed: number;
  blocked: number;
  /** Results by the way their page was fetched (results that got no response are not counted). */
  byPath: { http: number; browser: number };
  ms: number;
  pagesPerMinute: number;
}
