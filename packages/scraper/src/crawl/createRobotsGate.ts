import { GotScrapingHttpClient } from "@crawlee/core";
import type { DomainPacer } from "./createDomainPacer.ts";
import { allowEverything, isAllowedByRobots, parseRobotsTxt, type RobotsTxt } from "./parseRobotsTxt.ts";

/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is ignored. */
const maxRobotsBytes = 512 * 1024;

/** `retryable`: the site could not say (robots.txt unreachable), a later run may be allowed. */
export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string; retryable: boolean };

export interface RobotsGate {
  check(url: string): Promise<RobotsVerdict>;
}

export interface RobotsGateSettings {
  userAgent: string;
  timeoutMs: number;
  pacer: DomainPacer;
  /** The proxy a request to this URL goes through (robots.txt leaves from the same place as the pages). */
  proxyFor(url: string): string | undefined;
  signal: AbortSignal;
  log(line: string): void;
}

type SiteRules = { rules: RobotsTxt } | { unreachable: string };

/**
 * robots.txt per origin, fetched once per crawl (the first URL of an origin waits for it, the others share the
 * answer). A missing robots.txt (4xx) allows everything; an unreachable one (5xx, no connection) disallows
 * everything for this run, as RFC 9309 asks: the site may be struggling.
 */
export function createRobotsGate(settings: RobotsGateSettings): RobotsGate {
  const client = new GotScrapingHttpClient();
  const byOrigin = new Map<string, Promise<SiteRules>>();

  const load = async (origin: string): Promise<SiteRules> => {
    const url = `${origin}/robots.txt`;
    const wait = settings.pacer.admit(url);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await settings.pacer.holdStart(url);
    try {
      const response = await client.sendRequest({
        url,
        headers: { "user-agent": settings.userAgent, accept: "text/plain,*/*;q=0.8" },
        proxyUrl: settings.proxyFor(url),
        timeout: { request: settings.timeoutMs },
        signal: settings.signal,
        throwHttpErrors: false,
        responseType: "text",
      });
      const status = response.statusCode;
      if (status >= 200 && status < 300)
        return { rules: parseRobotsTxt(String(response.body).slice(0, maxRobotsBytes)) };
      if (status >= 400 && status < 500) return { rules: allowEverything };
      settings.log(
        `robots.txt of ${origin} answered HTTP ${status}: treating the site as closed for this run`,
      );
      return { unreachable: `robots.txt answered HTTP ${status}` };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      settings.log(
        `robots.txt of ${origin} unreachable (${message}): treating the site as closed for this run`,
      );
      return { unreachable: `robots.txt unreachable: ${message}` };
    }
  };

  return {
    async check(url) {
      const origin = new URL(url).origin;
      let rules = byOrigin.get(origin);
      if (!rules) {
        rules = load(origin);
        byOrigin.set(origin, rules);
      }
      const site = await rules;
      if ("unreachable" in site) {
        return {
          allowed: false,
          reason: `${site.unreachable}; the site asks crawlers to wait`,
          retryable: true,
        };
      }
      if (isAllowedByRobots(site.rules, url, settings.userAgent)) return { allowed: true };
      return {
        allowed: false,
        reason: "robots.txt disallows this path for our user agent",
        retryable: false,
      };
    },
  };
}
