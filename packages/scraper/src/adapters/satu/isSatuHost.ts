/**
 * Whether a host (or a URL) is Satu.kz: satu.kz itself, its city subdomains (almaty.satu.kz) and its shops'
 * subdomains (tehnomir.satu.kz).
 */
export function isSatuHost(hostOrUrl: string): boolean {
  let host = hostOrUrl.trim().toLowerCase();
  if (host.includes("/")) {
    try {
      host = new URL(host).hostname;
    } catch {
      return false;
    }
  }
  host = host.replace(/\.$/u, "").replace(/:\d+$/u, "");
  return host === "satu.kz" || host.endsWith(".satu.kz");
}
