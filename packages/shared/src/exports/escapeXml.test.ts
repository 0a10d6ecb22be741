import { describe, expect, it } from "vitest";
import { escapeXml, stripXmlIllegalChars, wrapCdata } from "./escapeXml.ts";

describe("escapeXml", () => {
  it("escapes markup and keeps CR as a reference", () => {
    expect(escapeXml('<a href="x">Tom & Jerry</a>\r\n')).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;&#13;\n",
    );
  });

  it("drops characters XML 1.0 cannot carry, keeps tab, line breaks, Kazakh letters and emoji", () => {
    expect(stripXmlIllegalChars("a\u0000b\u0001c\u0008\u000B\u000C\u001F\uFFFE\uFFFFd\te\nf\rg әғ 🚀")).toBe(
      "abcd\te\nf\rg әғ 🚀",
    );
  });

  it("splits ]]> across two CDATA sections", () => {
    expect(wrapCdata("a]]>b")).toBe("<![CDATA[a]]]]><![CDATA[>b]]>");
  });
});
