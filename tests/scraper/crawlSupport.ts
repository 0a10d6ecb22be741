import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type CrawlOptions,
  type CrawlResult,
  type CrawlSummary,
  crawlPages,
} from "../../packages/scraper/src/crawl/crawlPages.ts";

/** A crawl's results, in the order `onPage` got them, with the summary. */
export interface CollectedCrawl {
  results: CrawlResult[];
  summary: CrawlSummary;
  /** The single result for a URL (fails the test when there is not exactly one). */
  resultFor(url: string): CrawlResult;
  log: string[];
}

/** Runs crawlPages with the fixture-friendly defaults (no rate limit, short backoff) and gathers what it reports. */
export async function collectCrawl(
  options: Omit<CrawlOptions, "onPage"> & Partial<Pick<CrawlOptions, "onPage">>,
): Promise<CollectedCrawl> {
  const results: CrawlResult[] = [];
  const log: string[] = [];
  const summary = await crawlPages({
    ratePerSecondPerDomain: null,
    backoffMs: 20,
    log: (line) => log.push(line),
    ...options,
    onPage: async (result) => {
      results.push(result);
      await options.onPage?.(result);
    },
  });
  return {
    results,
    summary,
    log,
    resultFor(url) {
      const matching = results.filter((r) => r.url === url);
      if (matching.length !== 1) throw new Error(`expected one result for ${url}, got ${matching.length}`);
      return matching[0]!;
    },
  };
}

export interface CountingProxy {
  url: string;
  /** Absolute URLs forwarded, in order. */
  forwarded: string[];
  close(): Promise<void>;
}

/**
 * A tiny forward HTTP proxy: takes absolute-form requests (`GET http://host/path`), counts them and relays them.
 * Enough to see which proxy each request of a crawl left through.
 */
export async function startCountingProxy(): Promise<CountingProxy> {
  const forwarded: string[] = [];
  const server = createServer((req, res) => {
    const target = req.url ?? "";
    forwarded.push(target);
    if (!/^https?:\/\//.test(target)) {
      res.writeHead(400);
      res.end("absolute-form requests only");
      return;
    }
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Milliseconds between consecutive times. */
export function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - sorted[i]!);
}
