import type { CheerioAPI } from "cheerio";
import { cleanText } from "./cleanText.ts";

const invisible = "script, style, noscript, template, svg, iframe, [hidden], [aria-hidden='true']";

/** The page's text as a visitor reads it: the body without scripts, styles, templates and hidden parts. */
export function readVisibleText($: CheerioAPI): string {
  const visible = $("body").first().clone();
  visible.find(invisible).remove();
  return cleanText(visible.text()) ?? "";
}
