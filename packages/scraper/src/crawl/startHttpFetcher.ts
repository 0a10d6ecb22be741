import type { IncomingMessage } from "node:http";
import type { Configuration, Log, ProxyConfiguration, Request } from "@crawlee/core";
import { HttpCrawler, type HttpCrawlingContext } from "@crawlee/http";
import { classifyFetchError } from "./classifyFetchError.ts";
import { crawlerPoolOptions } from "./crawlerPoolOptions.ts";
import type { DomainPacer } from "./createDomainPacer.ts";
import { decodePageBody } from "./decodePageBody.ts";
import type { FetchTicket, OutcomeHandler, PageFetcher } from "./fetchTicket.ts";
import { readBodyWithinLimit } from "./readBodyWithinLimit.ts";

/** Besides HTML, XML and JSON (Crawlee's defaults): what shops serve feeds and structured data as. */
const extraMimeTypes = [
  "text/plain",
  "application/ld+json",
  "application/rss+xml",
  "application/atom+xml",
  "text/csv",
  "application/x-yml",
];

/** Every 4xx/5xx reaches our handler with its body: the crawl's own rules decide (judgeFetchedPage). */
const allErrorStatuses = Array.from({ length: 200 }, (_, i) => 400 + i);

/**
 * Crawlee's HttpCrawler reading the body through our size limit instead of buffering it whole, and handing the
 * raw bytes on unparsed (readPage parses once, through createPageInput).
 */
class BoundedHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxPageBytes = Number.POSITIVE_INFINITY;

  protected override async _parseResponse(_request: Request, responseStream: IncomingMessage) {
    const declared = Number(responseStream.headers["content-length"]);
    const body = await readBodyWithinLimit(
      responseStream,
      this.maxPageBytes,
      Number.isFinite(declared) && responseStream.headers["content-length"] !== undefined ? declared : null,
    );
    const type = (responseStream.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    return {
      body,
      response: responseStream,
      contentType: { type, encoding: "utf8" as const },
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    };
  }
}

export interface HttpFetcherSettings {
  config: Configuration;
  log: Log;
  concurrency: number;
  timeoutMs: number;
  maxPageBytes: number;
  userAgent: string;
  proxyConfiguration: ProxyConfiguration | undefined;
  pacer: DomainPacer;
  /** Aborted when the crawl is cancelled: requests in flight are cut. */
  signal: AbortSignal;
  onOutcome: OutcomeHandler;
}

/** Starts the HTTP path: a keep-alive HttpCrawler fed one ticket at a time, with its own in-memory queue. */
export async function startHttpFetcher(settings: HttpFetcherSettings): Promise<PageFetcher> {
  /** Tickets handed to the crawler, with the switch that cuts their request when the crawl is cancelled. */
  const tickets = new Map<string, { ticket: FetchTicket; startedAt: number; cut: AbortController }>();
  // One controller per request: got leaves a listener on the signal it is given, so the crawl's own signal is not
  // handed to every request.
  settings.signal.addEventListener("abort", () => {
    for (const entry of tickets.values()) entry.cut.abort();
  });
  const crawler = new BoundedHttpCrawler(
    {
      ...(await crawlerPoolOptions("http", settings)),
      ignoreHttpErrorStatusCodes: allErrorStatuses,
      additionalMimeTypes: extraMimeTypes,
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          gotOptions.headers = {
            ...gotOptions.headers,
            "user-agent": settings.userAgent,
            "accept-language": "ru-KZ,ru;q=0.9,kk;q=0.8,en;q=0.7",
          };
          const entry = tickets.get(request.uniqueKey);
          if (entry) gotOptions.signal = entry.cut.signal;
          await settings.pacer.holdStart(request.url);
          if (entry) entry.startedAt = performance.now();
        },
      ],
      requestHandler: async ({ request, response, body }) => {
        const entry = tickets.get(request.uniqueKey);
        if (!entry) return;
        tickets.delete(request.uniqueKey);
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
        const contentType = headerValue(response.headers["content-type"]);
        await settings.onOutcome(entry.ticket, {
          ok: true,
          path: "http",
          status: response.statusCode ?? 0,
          finalUrl: response.url || request.loadedUrl || request.url,
          contentType,
          retryAfter: headerValue(response.headers["retry-after"]),
          body: decodePageBody(bytes, contentType),
          bytes: bytes.length,
          ms: Math.round(performance.now() - entry.startedAt),
        });
      },
      failedRequestHandler: async ({ request }, error) => {
        const entry = tickets.get(request.uniqueKey);
        if (!entry) return;
        tickets.delete(request.uniqueKey);
        await settings.onOutcome(entry.ticket, classifyFetchError(error, "http", settings.signal.aborted));
      },
    },
    settings.config,
  );
  crawler.maxPageBytes = settings.maxPageBytes;
  const running = crawler.run();

  return {
    async fetch(ticket) {
      tickets.set(ticket.id, { ticket, startedAt: performance.now(), cut: new AbortController() });
      await crawler.addRequests([{ url: ticket.url, uniqueKey: ticket.id }]);
    },
    async close() {
      crawler.stop();
      await running;
    },
    async abort() {
      await crawler.teardown();
      await running.catch(() => {});
    },
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
