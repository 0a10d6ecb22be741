import type { PageElements } from "./pageElements.ts";

const blocks = "p, li, div, tr, h1, h2, h3, h4, h5, h6, blockquote, pre";

/**
 * An element's text with its paragraphs and line breaks kept as line breaks (a product description), each
 * line's whitespace collapsed; null when empty.
 */
export function readParagraphText(element: PageElements): string | null {
  if (element.length === 0) return null;
  const copy = element.first().clone();
  copy.find("script, style, template").remove();
  copy.find("br").replaceWith("\n");
  copy.find(blocks).after("\n");
  const text = copy
    .text()
    .split("\n")
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
  return text === "" ? null : text;
}
