/**
 * A Kaspi shop link made absolute. Kaspi writes product links relative to its shop ("/p/…", "p/…") as well
 * as from the site root ("/shop/p/…") or in full.
 */
export function resolveKaspiLink(
  link: string | null | undefined,
  origin = "https://kaspi.kz",
): string | null {
  const value = link?.trim();
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) return value;
  if (value.startsWith("//")) return `https:${value}`;
  const path = value.startsWith("/shop/") ? value : `/shop/${value.replace(/^\/+/, "")}`;
  try {
    return new URL(path, origin).toString();
  } catch {
    return null;
  }
}
