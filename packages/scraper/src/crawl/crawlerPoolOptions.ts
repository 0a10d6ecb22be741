import { type Configuration, type Log, type ProxyConfiguration, RequestQueue } from "@crawlee/core";

/**
 * What both fetchers' Crawlee crawlers share: their own in-memory queue fed one ticket at a time, keep-alive, a
 * fixed concurrency, and no retries or session pool of Crawlee's (the crawl retries with backoff and Retry-After,
 * and judges status codes itself).
 */
export async function crawlerPoolOptions(
  name: string,
  settings: {
    config: Configuration;
    log: Log;
    concurrency: number;
    timeoutMs: number;
    proxyConfiguration: ProxyConfiguration | undefined;
  },
) {
  const timeoutSecs = settings.timeoutMs / 1000;
  return {
    requestQueue: await RequestQueue.open(`${name}-${crypto.randomUUID()}`, { config: settings.config }),
    keepAlive: true,
    maxRequestRetries: 0,
    useSessionPool: false,
    log: settings.log,
    minConcurrency: settings.concurrency,
    maxConcurrency: settings.concurrency,
    autoscaledPoolOptions: {
      desiredConcurrency: settings.concurrency,
      // Tickets arrive one by one as their domain's turn comes; look for them often.
      maybeRunIntervalSecs: 0.02,
      loggingIntervalSecs: null,
    },
    statusMessageLoggingInterval: 3600,
    navigationTimeoutSecs: timeoutSecs,
    requestHandlerTimeoutSecs: timeoutSecs + 30,
    proxyConfiguration: settings.proxyConfiguration,
  };
}
