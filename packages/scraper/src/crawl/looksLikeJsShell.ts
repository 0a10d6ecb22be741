/**
 * A quick look at served HTML for an empty JavaScript shell (an SPA's `<div id="root"></div>` plus scripts, next to
 * no text): such a page only has content in a browser. Used only when readPage could not say what the page is.
 */
export function looksLikeJsShell(html: string): boolean {
  const head = html.slice(0, 400_000);
  const emptyMount = /<div[^>]+id=["'](?:root|app|__next|__nuxt|svelte)["'][^>]*>\s*<\/div>/i.test(head);
  if (!emptyMount) return false;
  const hasScripts = /<script\b/i.test(head);
  const text = head
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return hasScripts && text.length < 400;
}
