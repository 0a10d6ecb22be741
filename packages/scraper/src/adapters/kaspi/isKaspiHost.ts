/** Whether a host is Kaspi's: kaspi.kz and its subdomains (www, m, …). */
export function isKaspiHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return name === "kaspi.kz" || name.endsWith(".kaspi.kz");
}
