import { Log, Logger, LogLevel } from "@crawlee/core";

/** Hands Crawlee's error lines to the crawl's own log; nothing of Crawlee's reaches stdout. */
class ForwardingLogger extends Logger {
  constructor(private readonly forward: ((line: string) => void) | undefined) {
    super({});
  }

  override _log(
    level: LogLevel,
    message: string,
    data?: unknown,
    exception?: unknown,
    opts?: Record<string, unknown>,
  ): void {
    // Failed requests are the crawl's own results, reported (and logged) by it.
    if (
      !this.forward ||
      level > LogLevel.ERROR ||
      message.startsWith("Request failed and reached maximum retries")
    )
      return;
    const prefix = typeof opts?.prefix === "string" ? `${opts.prefix}: ` : "";
    const cause = exception instanceof Error ? ` (${exception.message})` : "";
    this.forward(`crawlee ${prefix}${message}${cause}${data ? ` ${JSON.stringify(data)}` : ""}`);
  }
}

/** A Crawlee logger for one crawl: errors only, forwarded to `log` when given, otherwise silent. */
export function createCrawleeLog(log: ((line: string) => void) | undefined): Log {
  return new Log({ level: log ? LogLevel.ERROR : LogLevel.OFF, logger: new ForwardingLogger(log) });
}
