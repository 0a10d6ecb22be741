import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildXlsxExport } from "./buildXlsxExport.ts";
import type { ExportProduct } from "./exportProduct.ts";
import { exampleSource, makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

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

/** What a spreadsheet should show: XML cannot carry C0 controls but tab, LF and CR, so those go. */
function shown(text: string | null): string | null {
  return text === null ? null : text.replace(/[^\t\n\r\P{Cc}]/gu, "");
}

function expectedRow(product: ExportProduct): (string | number | boolean | null)[] {
  return [
    product.site,
    shown(product.external_id),
    shown(product.title),
    product.price,
    product.currency,
    product.price_kzt,
    product.negotiable,
    shown(product.city),
    shown(product.seller),
    product.seller_type,
    product.promoted,
    product.url,
    product.rating,
    product.reviews,
    product.views,
    product.posted_at,
    shown(product.brand),
    shown(product.sku),
    product.available,
    product.sellers.length,
  ];
}

async function readWorkbook(body: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(body) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("Products");
  if (!sheet) throw new Error("no Products sheet");
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(header.map((_, index) => row.getCell(index + 1).value));
  });
  return { workbook, sheet, rows };
}

describe("buildXlsxExport", () => {
  it("opens in exceljs with every cell equal to the product's value, typed", async () => {
    const products = makeAwkwardProducts();
    const { workbook, rows } = await readWorkbook(buildXlsxExport(products, exampleSource));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Products"]);
    expect(rows).toEqual([header, ...products.map(expectedRow)]);
    // Spot checks a user would see: Kazakh letters and emoji, a CRLF inside a cell, a literal _x0041_.
    expect(rows[2]?.[2]).toBe("Қазақша әғқңөұүһі ӘҒҚҢӨҰҮҺІ тауар 🚀🇰🇿");
    expect(rows[2]?.[7]).toBe("Алматы\r\nМедеу");
    expect(rows[4]?.[1]).toBe("_x0041_");
    expect(rows[4]?.[2]).toBe("Tab\there, O'Reilly's \\n C:\\new\\table ]]> bell, \"quoted\"");
    expect(rows[1]?.[14]).toBe(3_000_000_000);
    expect(rows[4]?.[14]).toBe(9_007_199_254_740_991);
    expect(rows[2]?.[3]).toBe(-1500);
  });

  it("keeps formula-looking text as text, never as a formula", async () => {
    const { sheet } = await readWorkbook(buildXlsxExport(makeAwkwardProducts(), exampleSource));
    expect(sheet.getCell("I3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("I3").value).toBe("=cmd()");
    expect(sheet.getCell("C4").formula).toBeUndefined();
    expect(sheet.getCell("C4").value).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it("freezes a bold header, filters the table, formats prices and sizes columns", async () => {
    const products = makeAwkwardProducts();
    const { sheet } = await readWorkbook(buildXlsxExport(products, exampleSource));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect(sheet.autoFilter).toBe("A1:T5");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getCell("A2").font?.bold).not.toBe(true);
    expect(sheet.getCell("D2").numFmt).toBe("#,##0");
    expect(sheet.getCell("D5").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("F2").numFmt).toBe("#,##0");
    const titleWidth = sheet.getColumn(3).width ?? 0;
    expect(titleWidth).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    expect(titleWidth).toBeLessThanOrEqual(62);
  });

  it("holds the parts a spreadsheet needs, dated by the task", () => {
    const parts = unzipSync(buildXlsxExport(makeAwkwardProducts(), exampleSource));
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/app.xml",
      "docProps/core.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const core = new TextDecoder().decode(parts["docProps/core.xml"]);
    expect(core).toContain("<dc:title>Рашгарды в Астане, март</dc:title>");
    expect(core).toContain("2025-03-01T20:30:00Z");
    expect(buildXlsxExport(makeAwkwardProducts(), exampleSource)).toEqual(
      buildXlsxExport(makeAwkwardProducts(), exampleSource),
    );
  });

  it("writes a header-only sheet for no products, and every row of 1 200", async () => {
    expect((await readWorkbook(buildXlsxExport([], exampleSource))).rows).toEqual([header]);
    const many = makeManyProducts(1200);
    const { rows, sheet } = await readWorkbook(buildXlsxExport(many, exampleSource));
    expect(rows).toHaveLength(1201);
    expect(rows.slice(1)).toEqual(many.map(expectedRow));
    expect(sheet.autoFilter).toBe("A1:T1201");
  });

  it("cuts text past Excel's 32 767-character cell limit", async () => {
    const [long] = makeManyProducts(1);
    if (!long) throw new Error("no product");
    const { rows } = await readWorkbook(
      buildXlsxExport([{ ...long, title: "я".repeat(40_000) }], exampleSource),
    );
    expect(rows[1]?.[2]).toBe("я".repeat(32_767));
  });
});
