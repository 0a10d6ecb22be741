/** A lookup from a host to the setting of its domain, built once per crawl. */
export type DomainSettingLookup<Value> = (hostname: string) => { domain: string; value: Value } | null;

/**
 * Builds the lookup for a map keyed by domain: a host takes its own entry, else its closest parent domain's
 * ("www.kaspi.kz" takes "kaspi.kz"). It answers the key that matched, so every host under one domain shares one
 * budget (one rate limit, one proxy rotation).
 */
export function matchDomainSetting<Value>(
  settings: Record<string, Value> | undefined,
): DomainSettingLookup<Value> {
  const byDomain = new Map<string, Value>();
  for (const [domain, value] of Object.entries(settings ?? {})) {
    byDomain.set(domain.toLowerCase().replace(/\.$/, ""), value);
  }
  return (hostname) => {
    if (byDomain.size === 0) return null;
    const labels = hostname.toLowerCase().replace(/\.$/, "").split(".");
    for (let i = 0; i < labels.length; i++) {
      const domain = labels.slice(i).join(".");
      if (byDomain.has(domain)) return { domain, value: byDomain.get(domain)! };
    }
    return null;
  };
}
