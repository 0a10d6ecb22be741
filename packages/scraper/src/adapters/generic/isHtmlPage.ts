import type { PageInput } from "../pageInput.ts";

/**
 * Whether the body is an HTML page (and not JSON, an XML feed or plain text): an HTML Content-Type, or markup
 * that opens like a page. A file has no Content-Type, so the body decides.
 */
export function isHtmlPage(input: Pick<PageInput, "body" | "contentType">): boolean {
  const type = input.contentType?.toLowerCase() ?? "";
  if (type.includes("html")) return true;
  if (type.includes("json")) return false;
  const opening = input.body.slice(0, 4096).trimStart();
  if (opening.startsWith("{") || opening.startsWith("[")) return false;
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/iu.test(opening);
}
