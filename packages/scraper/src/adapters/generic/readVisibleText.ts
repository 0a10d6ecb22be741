import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { cleanText } from "./cleanText.ts";

const invisibleTags = new Set(["script", "style", "noscript", "template", "svg", "iframe"]);

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function isInvisible(element: Element): boolean {
  return (
    invisibleTags.has(element.name.toLowerCase()) ||
    element.attribs.hidden !== undefined ||
    element.attribs["aria-hidden"] === "true"
  );
}

/**
 * The page's text as a visitor reads it: the body without scripts, styles, templates and hidden parts. With a
 * `limit`, reading stops once the text is longer than it (the classifier only asks "is there more than N
 * characters?"), which spares walking a whole shop page; the text returned is then cut but still over the limit.
 */
export function readVisibleText($: CheerioAPI, limit = Number.POSITIVE_INFINITY): string {
  const start = $("body").get(0) ?? $.root().get(0);
  if (start === undefined) return "";
  let raw = "";
  let checkAt = limit === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : limit;
  const pending: AnyNode[] = [...("children" in start ? start.children : [])].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as AnyNode;
    if (node.type === "text") {
      raw += node.data;
      if (raw.length > checkAt) {
        const clean = cleanText(raw) ?? "";
        if (clean.length > limit) return clean;
        checkAt = raw.length + (limit - clean.length);
      }
    } else if (isElement(node) && !isInvisible(node)) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i] as AnyNode);
    }
  }
  return cleanText(raw) ?? "";
}
