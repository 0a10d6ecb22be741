import { ProxyConfiguration } from "@crawlee/core";
import { matchDomainSetting } from "./matchDomainSetting.ts";

/**
 * Proxy choice per request: a domain with its own proxies (Kaspi answers only from Kazakhstan) rotates through
 * those, any other domain through the general list; round robin, so consecutive requests leave from different
 * addresses. No proxies configured: no ProxyConfiguration at all.
 */
export function rotateProxies(
  proxyUrls: string[],
  domainProxyUrls: Record<string, string[]>,
): {
  configuration: ProxyConfiguration | undefined;
  /** The proxy for the next request to this URL (undefined: direct). */
  next(url: string): string | undefined;
} {
  const lookup = matchDomainSetting(domainProxyUrls);
  const turns = new Map<string, number>();
  const next = (url: string): string | undefined => {
    const own = lookup(new URL(url).hostname);
    const list = own?.value ?? proxyUrls;
    if (list.length === 0) return undefined;
    const key = own?.domain ?? "*";
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    return list[turn % list.length];
  };
  const anyProxy = proxyUrls.length > 0 || Object.keys(domainProxyUrls).length > 0;
  const configuration = anyProxy
    ? new ProxyConfiguration({
        newUrlFunction: (_sessionId, options) =>
          options?.request ? (next(options.request.url) ?? null) : null,
      })
    : undefined;
  return { configuration, next };
}
