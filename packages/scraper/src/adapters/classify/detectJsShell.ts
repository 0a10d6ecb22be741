import type { CheerioAPI } from "cheerio";
import { cleanText } from "../generic/cleanText.ts";
import type { PageFacts } from "./detectBlockedPage.ts";

const appRoots = "#root, #app, #__next, #__nuxt, #___gatsby, #svelte, app-root, [data-reactroot]";
const scripts = 'script[src], script:not([type]), script[type="module"], script[type*="javascript" i]';
const enableJavaScript =
  /enable javascript|javascript (?:is )?(?:disabled|required)|turn on javascript|включите javascript|javascript (?:отключ|выключ)|требуется javascript|javascript қосыңыз|javascript-ті қосыңыз/iu;

/** Less visible text than this is an empty page whatever its markup. */
const emptyLength = 200;
/** A header and a footer around an empty app root stay under this. */
const shellLength = 1500;

/**
 * Why a page is an empty JavaScript shell (the data comes with scripts, so only a browser can read it), or
 * null: a page with scripts and no data carrier with an empty app root (#root, #app, #__next…), or without
 * any heading and either a `<noscript>` asking to enable JavaScript or almost no text.
 */
export function detectJsShell($: CheerioAPI, facts: PageFacts): string | null {
  if (facts.carriesData || $(scripts).length === 0) return null;
  if (facts.status !== null && facts.status >= 400) return null;
  const emptyRoot = $(appRoots).filter((_, root) => cleanText($(root).text()) === null).length > 0;
  if (emptyRoot && facts.text.length < shellLength) return "empty-app-root";
  // A page that already shows its heading was rendered by the server, however little else it says.
  if ($("h1, h2").filter((_, heading) => cleanText($(heading).text()) !== null).length > 0) return null;
  const asksForJs = $("noscript").filter((_, notice) => enableJavaScript.test($(notice).text())).length > 0;
  if (asksForJs && facts.text.length < shellLength) return "noscript";
  if (facts.text.length < emptyLength) return "empty-page";
  return null;
}
