import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildWxrExport } from "./buildWxrExport.ts";
import { exampleSource, makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

interface ReadItem {
  title: string;
  content: string;
  slug: string;
  status: string;
  postType: string;
  postDate: string;
  categories: { domain: string; nicename: string; name: string }[];
  meta: Record<string, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["item", "category", "wp:postmeta", "wp:term"].includes(name),
});

function readWxr(body: Uint8Array) {
  const xml = new TextDecoder().decode(body);
  expect(XMLValidator.validate(xml)).toBe(true);
  const channel = parser.parse(xml).rss.channel;
  const items: ReadItem[] = (channel.item ?? []).map((item: Record<string, unknown>) => ({
    title: item.title,
    content: item["content:encoded"],
    slug: item["wp:post_name"],
    status: item["wp:status"],
    postType: item["wp:post_type"],
    postDate: item["wp:post_date"],
    categories: (item.category as Record<string, string>[]).map((category) => ({
      domain: category["@domain"] ?? "",
      nicename: category["@nicename"] ?? "",
      name: category["#text"] ?? "",
    })),
    meta: Object.fromEntries(
      ((item["wp:postmeta"] ?? []) as Record<string, string>[]).map((meta) => [
        meta["wp:meta_key"],
        meta["wp:meta_value"],
      ]),
    ),
  }));
  return { xml, channel, items };
}

describe("buildWxrExport", () => {
  it("is a WXR 1.2 RSS document with the WordPress namespaces and the task as its channel", () => {
    const { xml, channel } = readWxr(buildWxrExport(makeAwkwardProducts(), exampleSource));
    for (const namespace of ["wp", "content", "excerpt", "dc"]) expect(xml).toContain(`xmlns:${namespace}="`);
    expect(xml).toContain('xmlns:wp="http://wordpress.org/export/1.2/"');
    expect(channel.title).toBe("Рашгарды в Астане, март");
    expect(channel.link).toBe("https://kaspi.kz/shop/c/rashguards/");
    expect(channel["wp:wxr_version"]).toBe("1.2");
    expect(
      channel["wp:term"].map((term: Record<string, string>) => [term["wp:term_slug"], term["wp:term_name"]]),
    ).toEqual([
      ["kaspi", "Kaspi.kz"],
      ["olx", "OLX.kz"],
      ["generic", "Другие сайты"],
      ["satu", "Satu.kz"],
    ]);
  });

  it("writes one published WooCommerce product per row, titles intact even with ]]> and quotes", () => {
    const products = makeAwkwardProducts();
    const { items } = readWxr(buildWxrExport(products, exampleSource));
    expect(items).toHaveLength(4);
    expect(items.map((item) => item.title)).toEqual([
      'Рашгард черный, размер "M"; 2 шт.',
      "Қазақша әғқңөұүһі ӘҒҚҢӨҰҮҺІ тауар 🚀🇰🇿",
      '=HYPERLINK("http://evil.example","click")',
      // XML cannot carry the bell characters; everything else stays.
      "Tab\there, O'Reilly's \\n C:\\new\\table ]]> bell, \"quoted\"",
    ]);
    expect(items.every((item) => item.status === "publish" && item.postType === "product")).toBe(true);
    expect(items.map((item) => item.categories.find((c) => c.domain === "product_cat"))).toEqual([
      { domain: "product_cat", nicename: "kaspi", name: "Kaspi.kz" },
      { domain: "product_cat", nicename: "olx", name: "OLX.kz" },
      { domain: "product_cat", nicename: "generic", name: "Другие сайты" },
      { domain: "product_cat", nicename: "satu", name: "Satu.kz" },
    ]);
  });

  it("gives Latin slugs, Kazakh letters transliterated, unique and never empty", () => {
    const { items } = readWxr(buildWxrExport(makeAwkwardProducts(), exampleSource));
    expect(items.map((item) => item.slug)).toEqual([
      "rashgard-chernyi-razmer-m-2-sht",
      "qazaqsha-agqnouuhi-agqnouuhi-tauar",
      "hyperlink-http-evil-example-click",
      "tab-here-o-reilly-s-n-c-new-table-bell-quoted",
    ]);
    const twins = makeManyProducts(3).map((product) => ({ ...product, title: "Рашгард" }));
    const emojiOnly = { ...twins[0]!, title: "🚀🚀" };
    expect(
      readWxr(buildWxrExport([...twins, emojiOnly], exampleSource)).items.map((item) => item.slug),
    ).toEqual(["rashgard", "rashgard-2", "rashgard-3", "product-4"]);
  });

  it("puts the tenge price, SKU and stock status in WooCommerce meta", () => {
    const { items } = readWxr(buildWxrExport(makeAwkwardProducts(), exampleSource));
    expect(items[0]?.meta).toMatchObject({
      _price: "2810",
      _regular_price: "2810",
      _sku: "121207970",
      _stock_status: "instock",
    });
    expect(items[1]?.meta).toMatchObject({ _price: "-1500", _sku: "@sku", _stock_status: "outofstock" });
    // No price at all, and a dollar price: the tenge shop gets no price rather than a wrong one.
    expect(items[2]?.meta._price).toBeUndefined();
    expect(items[3]?.meta._price).toBeUndefined();
    expect(items[3]?.meta._sku).toBe("C:\\skus\\1");
  });

  it("writes the description and characteristics as escaped HTML, a ]]> in them harmless", () => {
    const { items } = readWxr(buildWxrExport(makeAwkwardProducts(), exampleSource));
    const content = items[0]?.content ?? "";
    expect(content).toContain("<p>Первая строка<br />\nвторая строка</p>");
    expect(content).toContain("<p>Абзац с ]]&gt; внутри &amp; &lt;тегом&gt;</p>");
    expect(content).toContain("<tr><th>Цвет</th><td>чёрный, &quot;графит&quot;</td></tr>");
    expect(content).toContain("<tr><th>&lt;b&gt;Размер&lt;/b&gt;</th><td>M &amp; L</td></tr>");
    expect(items[2]?.content).toBe("");
  });

  it("dates posts a second apart so the importer does not drop equal titles as duplicates", () => {
    const { items } = readWxr(buildWxrExport(makeManyProducts(3), exampleSource));
    // Created 20:30 UTC, 01:30 next day in Kazakhstan.
    expect(items.map((item) => item.postDate)).toEqual([
      "2025-03-02 01:30:00",
      "2025-03-02 01:30:01",
      "2025-03-02 01:30:02",
    ]);
  });

  it("writes a channel without items for no products, and all 1 200", () => {
    expect(readWxr(buildWxrExport([], exampleSource)).items).toEqual([]);
    expect(readWxr(buildWxrExport(makeManyProducts(1200), exampleSource)).items).toHaveLength(1200);
  });
});
