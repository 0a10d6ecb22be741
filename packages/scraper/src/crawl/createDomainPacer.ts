import { matchDomainSetting } from "./matchDomainSetting.ts";

/**
 * Politeness per domain, shared by the HTTP and the browser fetchers: at most `rate` requests per second start
 * against one domain (a host and its subdomains under a `domainRates` key count as one).
 */
export interface DomainPacer {
  /**
   * Reserves the next free turn of the URL's domain and answers how long to wait before handing the request to a
   * fetcher. Waiting out of the fetchers keeps their slots free for other domains.
   */
  admit(url: string): number;
  /**
   * Called right before the request goes out: waits if the previous start on the domain was less than one interval
   * ago (a fetcher can pick two admitted requests at once), then records this start.
   */
  holdStart(url: string): Promise<void>;
}

export interface DomainPacerSettings {
  /** Requests per second for any domain without its own entry; null or 0 = no limit. */
  defaultRate: number | null;
  domainRates?: Record<string, number | null>;
  /** Milliseconds, monotonic; injectable for tests. */
  now?: () => number;
}

export function createDomainPacer(settings: DomainPacerSettings): DomainPacer {
  const now = settings.now ?? (() => performance.now());
  const lookup = matchDomainSetting(settings.domainRates);
  const nextAdmission = new Map<string, number>();
  const lastStart = new Map<string, number>();

  /** The domain's budget key and its interval between starts in ms (0 = unlimited). */
  const budgetOf = (url: string): { key: string; intervalMs: number } => {
    const host = new URL(url).hostname;
    const own = lookup(host);
    const rate = own ? own.value : settings.defaultRate;
    return { key: own?.domain ?? host, intervalMs: rate && rate > 0 ? 1000 / rate : 0 };
  };

  return {
    admit(url) {
      const { key, intervalMs } = budgetOf(url);
      if (intervalMs === 0) return 0;
      const at = Math.max(now(), nextAdmission.get(key) ?? 0);
      nextAdmission.set(key, at + intervalMs);
      return at - now();
    },
    async holdStart(url) {
      const { key, intervalMs } = budgetOf(url);
      if (intervalMs === 0) return;
      const previous = lastStart.get(key);
      const wait = previous === undefined ? 0 : previous + intervalMs - now();
      lastStart.set(key, now() + Math.max(0, wait));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
