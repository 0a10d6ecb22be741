/** The countries where OLX runs the same site platform (same pages, same prerendered state) as olx.kz. */
const olxDomains = ["olx.kz", "olx.uz", "olx.ua", "olx.pl", "olx.ro", "olx.pt", "olx.bg"] as const;

/** Whether a host belongs to an OLX site we can read: olx.kz, www.olx.kz, m.olx.kz and the sister countries. */
export function isOlxHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return olxDomains.some((domain) => name === domain || name.endsWith(`.${domain}`));
}
