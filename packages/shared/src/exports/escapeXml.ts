/**
 * XML 1.0 cannot carry most C0 control characters (not even as &#1;) nor U+FFFE/U+FFFF: a scraped title
 * holding one would make Excel or the WordPress importer reject the whole file, so they are dropped.
 * Tab, LF and CR stay. Lone surrogates become U+FFFD when the text is encoded to UTF-8.
 */
export function stripXmlIllegalChars(text: string): string {
  let kept = "";
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const legal =
      code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
    if (!legal) {
      kept += text.slice(start, index);
      start = index + 1;
    }
  }
  return start === 0 ? text : kept + text.slice(start);
}

/**
 * Text for an XML element or a double-quoted attribute. A CR is written as a reference: a reader would
 * otherwise fold "\r\n" into "\n".
 */
export function escapeXml(text: string): string {
  return stripXmlIllegalChars(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("\r", "&#13;");
}

/** A CDATA section; a "]]>" inside the text is split across two sections so it cannot end the first early. */
export function wrapCdata(text: string): string {
  return `<![CDATA[${stripXmlIllegalChars(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
