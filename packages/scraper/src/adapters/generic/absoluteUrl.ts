/** A link as the page wrote it, made absolute against the page's URL when that is known; null when empty. */
export function absoluteUrl(href: string | null | undefined, pageUrl: string | null): string | null {
  const value = (href ?? "").trim();
  if (value === "" || value.startsWith("#") || /^(?:javascript|mailto|tel):/iu.test(value)) return null;
  try {
    return pageUrl ? new URL(value, pageUrl).toString() : new URL(value).toString();
  } catch {
    return value;
  }
}
