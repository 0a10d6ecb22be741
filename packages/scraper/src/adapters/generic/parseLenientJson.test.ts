import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseLenientJson } from "./parseLenientJson.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");

describe("parseLenientJson", () => {
  it("parses strict JSON as one value", () => {
    expect(parseLenientJson('{"@type":"Product","name":"Чайник"}')).toEqual([
      { "@type": "Product", name: "Чайник" },
    ]);
  });

  it("drops trailing commas, in objects, arrays and after the block", () => {
    expect(parseLenientJson('{"a": [1, 2, ], "b": {"c": 3,},},')).toEqual([{ a: [1, 2], b: { c: 3 } }]);
  });

  it("drops comments but keeps // inside strings (URLs)", () => {
    const text = `{
      // the product
      "url": "https://shop.kz/p/1", /* price below */
      "price": 100
    }`;
    expect(parseLenientJson(text)).toEqual([{ url: "https://shop.kz/p/1", price: 100 }]);
  });

  it("escapes raw line breaks and tabs inside strings", () => {
    expect(parseLenientJson('{"description": "Строка 1\nСтрока 2\tконец"}')).toEqual([
      { description: "Строка 1\nСтрока 2\tконец" },
    ]);
  });

  it("reads several objects written one after another as several values", () => {
    expect(parseLenientJson('{"@type":"Organization"}\n{"@type":"Product","name":"A"}')).toEqual([
      { "@type": "Organization" },
      { "@type": "Product", name: "A" },
    ]);
  });

  it("decodes HTML entities when the block was entity-encoded", () => {
    expect(
      parseLenientJson("{&quot;@type&quot;:&quot;Product&quot;,&quot;name&quot;:&quot;A &amp; B&quot;}"),
    ).toEqual([{ "@type": "Product", name: "A & B" }]);
  });

  it("unwraps HTML comments and CDATA around the block", () => {
    expect(parseLenientJson('<!-- {"a": 1} -->')).toEqual([{ a: 1 }]);
    expect(parseLenientJson('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual([{ a: 1 }]);
  });

  it("skips what cannot be repaired and keeps the rest", () => {
    expect(parseLenientJson('{"a": undefined} {"b": 2}')).toEqual([{ b: 2 }]);
    expect(parseLenientJson("not json at all")).toEqual([]);
    expect(parseLenientJson("")).toEqual([]);
  });

  it("repairs the real Kaspi BreadcrumbList block with its trailing comma", () => {
    const html = readFileSync(
      resolve(repoRoot, "../shared/fixtures/real/kaspi-product-5-sellers.html"),
      "utf8",
    );
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (match) => match[1] ?? "",
    );
    expect(blocks).toHaveLength(3);
    expect(() => JSON.parse(blocks[2] ?? "")).toThrow();
    const [breadcrumbs] = parseLenientJson(blocks[2] ?? "");
    expect(breadcrumbs).toMatchObject({ "@type": "BreadcrumbList" });
    expect(JSON.stringify(breadcrumbs)).toContain("Мужское термобелье");
  });
});
