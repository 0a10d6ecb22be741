import { describe, expect, it } from "vitest";
import { looksLikeJsShell } from "./looksLikeJsShell.ts";

describe("looksLikeJsShell", () => {
  it("recognises an empty mount point with scripts and no text", () => {
    const shell = `<!doctype html><html><head><title>Shop</title><style>${"a{color:red}".repeat(500)}</style></head>
      <body><div id="root"></div><noscript>Включите JavaScript</noscript><script>${"var a=1;".repeat(2000)}</script></body></html>`;
    expect(looksLikeJsShell(shell)).toBe(true);
  });

  it("does not take a server-rendered page, or a page whose mount point is filled, for a shell", () => {
    const rendered = `<html><body><div id="root"><h1>Смартфон Samsung</h1></div><script>hydrate()</script></body></html>`;
    expect(looksLikeJsShell(rendered)).toBe(false);
    const textual = `<html><body><div id="app"></div><main>${"<p>Описание товара и характеристики.</p>".repeat(30)}</main><script></script></body></html>`;
    expect(looksLikeJsShell(textual)).toBe(false);
    expect(looksLikeJsShell("<html><body><div id='root'></div></body></html>")).toBe(false);
  });
});
