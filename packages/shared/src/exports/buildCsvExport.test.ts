import { describe, expect, it } from "vitest";
import { buildCsvExport } from "./buildCsvExport.ts";
import { makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold separators, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      index++;
    } else if (char === "\r" || char === "\n") {
      throw new Error(`bare line break outside quotes at ${index}`);
    } else field += char;
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) throw new Error("last record without CRLF");
  return rows;
}

function decodeCsv(bytes: Uint8Array): { bom: boolean; rows: string[][] } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return {
    bom,
    rows: readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(bom ? 3 : 0))),
  };
}

const header = [
  "site",
  "id",
  "title",
  "price",
  "currency",
  "price_kzt",
  "negotiable",
  "city",
  "seller",
  "seller_type",
  "promoted",
  "url",
  "rating",
  "reviews",
  "views",
  "posted_at",
  "brand",
  "sku",
  "available",
  "sellers_count",
];

describe("buildCsvExport", () => {
  it("starts with the UTF-8 BOM and reads back cell for cell, awkward text intact", () => {
    const { bom, rows } = decodeCsv(buildCsvExport(makeAwkwardProducts()));
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(header);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const [kaspi, olx, empty, satu] = rows
      .slice(1)
      .map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
    expect(kaspi).toMatchObject({
      site: "kaspi",
      id: "121207970",
      title: 'Рашгард черный, размер "M"; 2 шт.',
      price: "2810",
      price_kzt: "2810",
      negotiable: "",
      rating: "4.8",
      views: "3000000000",
      available: "true",
      sellers_count: "4",
      url: "https://kaspi.kz/shop/p/rashgard-chernyi-121207970/?c=710000000",
    });
    expect(olx).toMatchObject({
      title: "Қазақша әғқңөұүһі ӘҒҚҢӨҰҮҺІ тауар 🚀🇰🇿",
      city: "Алматы\r\nМедеу",
      price: "-1500",
      price_kzt: "-1500",
      rating: "0",
      reviews: "0",
      views: "0",
      negotiable: "true",
      promoted: "true",
      available: "false",
      seller_type: "private",
      posted_at: "2025-03-01T10:15:00.000Z",
    });
    expect(empty).toMatchObject({ id: "", price: "", currency: "", negotiable: "", sellers_count: "0" });
    expect(satu).toMatchObject({
      id: "_x0041_",
      title: "Tab\there, O'Reilly's \\n C:\\new\\table ]]> \u0001bell\u0007, \"quoted\"",
      price: "1.5",
      reviews: "2147483648",
      views: "9007199254740991",
    });
  });

  it("keeps text that a spreadsheet would run as a formula as text, but not negative numbers", () => {
    const { rows } = decodeCsv(buildCsvExport(makeAwkwardProducts()));
    const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
    expect(column("seller")[1]).toBe("'=cmd()");
    expect(column("title")[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(column("brand")).toEqual(["Без бренда", "'+7 777", "", "'-minus"]);
    expect(column("sku")[1]).toBe("'@sku");
    // A text id that looks negative is still text a spreadsheet would compute.
    expect(column("id")[1]).toBe("'-5");
    expect(column("price")[1]).toBe("-1500");
  });

  it("ends every line, the last included, with CRLF and quotes only where needed", () => {
    const text = new TextDecoder().decode(buildCsvExport(makeAwkwardProducts()));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(',"Алматы\r\nМедеу",');
    expect(text).toContain('"Рашгард черный, размер ""M""; 2 шт."');
    expect(text).toContain(",Астана,");
  });

  it("writes only the header for no products, and one line per product for 1 200", () => {
    expect(decodeCsv(buildCsvExport([])).rows).toEqual([header]);
    const { rows } = decodeCsv(buildCsvExport(makeManyProducts(1200)));
    expect(rows).toHaveLength(1201);
    expect(rows[1200]?.slice(0, 4)).toEqual(["kaspi", "ad-01199", "Товар № 1200", "2199"]);
  });
});
