import type { Page } from "playwright-core";

/**
 * True in the page once a JavaScript page has painted its content: structured data (JSON-LD) is in the DOM, or the
 * page has real text, or there is no empty app mount point to wait for. Runs in the browser (kept as source text:
 * this package is type-checked without the DOM library).
 */
const contentIsThere = `(() => {
  if (document.querySelector('script[type="application/ld+json"]')) return true;
  if ((document.body ? document.body.innerText : "").trim().length > 500) return true;
  const mount = document.querySelector("#root, #app, #__next, #__nuxt, #svelte");
  return !mount || mount.children.length > 0;
})()`;

/**
 * Waits until the page has painted its content; gives up after `maxMs` and lets it be read as it is (readPage then
 * says what it holds). Server-rendered pages pass at once.
 */
export async function waitForRenderedContent(page: Page, maxMs: number): Promise<void> {
  await page.waitForFunction(contentIsThere, undefined, { timeout: maxMs, polling: 50 }).catch(() => {});
}
