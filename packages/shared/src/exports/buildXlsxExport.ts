import { zipSync } from "fflate";
import { escapeXml } from "./escapeXml.ts";
import type { ExportProduct, ExportSource } from "./exportProduct.ts";
import { type TableCell, type TableColumn, tableColumns } from "./tableColumns.ts";

/**
 * Products as an Office Open XML workbook (one sheet "Products"), written part by part and zipped: the
 * header bold and frozen, an autofilter over the table, prices as real numbers with a thousands format,
 * booleans as TRUE/FALSE cells, text in a shared-strings table. Excel, LibreOffice and exceljs open it.
 */
export function buildXlsxExport(products: readonly ExportProduct[], source: ExportSource): Uint8Array {
  const strings = new SharedStrings();
  const lastColumn = columnLetters(tableColumns.length - 1);
  const tableRange = `A1:${lastColumn}${products.length + 1}`;
  const encoder = new TextEncoder();
  const part = (xml: string) =>
    encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  const sheet = writeSheet(products, strings, tableRange);
  return zipSync(
    {
      "[Content_Types].xml": part(contentTypesXml),
      "_rels/.rels": part(packageRelsXml),
      "docProps/core.xml": part(writeCoreProperties(source)),
      "docProps/app.xml": part(appPropertiesXml),
      "xl/workbook.xml": part(writeWorkbook(tableRange)),
      "xl/_rels/workbook.xml.rels": part(workbookRelsXml),
      "xl/styles.xml": part(stylesXml),
      "xl/worksheets/sheet1.xml": part(sheet),
      "xl/sharedStrings.xml": part(strings.toXml()),
    },
    { level: 6, mtime: zipTimestamp(source.created_at) },
  );
}

const mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sheetName = "Products";

/** Indexes into `stylesXml`'s cellXfs. */
const style = { normal: 0, header: 1, price: 2, wholeNumber: 3 } as const;

/** Excel refuses a cell longer than this and "repairs" the file. */
const maxCellLength = 32_767;

const contentTypesXml = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>`;

const packageRelsXml = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="${relNs}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>`;

const workbookRelsXml = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${relNs}/styles" Target="styles.xml"/>\
<Relationship Id="rId3" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>\
</Relationships>`;

const appPropertiesXml = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Arqan</Application></Properties>`;

/** Prices with decimals show two places, whole prices and tenge none; both group thousands. */
const stylesXml = `<styleSheet xmlns="${mainNs}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

/** The autofilter's range is also named `_xlnm._FilterDatabase`, as Excel itself writes it. */
function writeWorkbook(tableRange: string): string {
  const absoluteRange = tableRange.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `<workbook xmlns="${mainNs}" xmlns:r="${relNs}">\
<bookViews><workbookView/></bookViews>\
<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>\
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${sheetName}!${absoluteRange}</definedName></definedNames>\
</workbook>`;
}

function writeCoreProperties(source: ExportSource): string {
  const created = new Date(source.created_at).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>${escapeXml(source.title)}</dc:title><dc:creator>Arqan</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>\
</cp:coreProperties>`;
}

function writeSheet(products: readonly ExportProduct[], strings: SharedStrings, tableRange: string): string {
  const rows: string[] = [];
  const headerCells = tableColumns.map(
    (column, index) =>
      `<c r="${columnLetters(index)}1" t="s" s="${style.header}"><v>${strings.indexOf(column.name)}</v></c>`,
  );
  rows.push(`<row r="1">${headerCells.join("")}</row>`);
  products.forEach((product, productIndex) => {
    const rowNumber = productIndex + 2;
    const cells = tableColumns.map((column, columnIndex) =>
      writeCell(`${columnLetters(columnIndex)}${rowNumber}`, column, column.read(product), strings),
    );
    rows.push(`<row r="${rowNumber}">${cells.join("")}</row>`);
  });
  const widths = tableColumns.map(
    (column, index) =>
      `<col min="${index + 1}" max="${index + 1}" width="${measureColumn(column, products)}" customWidth="1"/>`,
  );
  return `<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">\
<dimension ref="${tableRange}"/>\
<sheetViews><sheetView tabSelected="1" workbookViewId="0">\
<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/>\
<cols>${widths.join("")}</cols>\
<sheetData>${rows.join("")}</sheetData>\
<autoFilter ref="${tableRange}"/>\
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
</worksheet>`;
}

/** An empty value writes no cell at all, so Excel's blanks filter finds it. */
function writeCell(ref: string, column: TableColumn, cell: TableCell, strings: SharedStrings): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === "number") return `<c r="${ref}" s="${numberStyle(column, cell)}"><v>${cell}</v></c>`;
  return `<c r="${ref}" t="s"><v>${strings.indexOf(cell)}</v></c>`;
}

function numberStyle(column: TableColumn, value: number): number {
  if (column.numberFormat === "tenge") return style.wholeNumber;
  if (column.numberFormat === "price") return Number.isInteger(value) ? style.wholeNumber : style.price;
  return style.normal;
}

/** Wide enough for the longest line of the column (header included), between 8 and 60 characters. */
function measureColumn(column: TableColumn, products: readonly ExportProduct[]): number {
  let longest = column.name.length + 2;
  for (const product of products) {
    const cell = column.read(product);
    if (cell === null) continue;
    const text = typeof cell === "number" ? cell.toLocaleString("en-US") : String(cell);
    for (const line of text.split("\n")) longest = Math.max(longest, [...line].length);
  }
  return Math.min(Math.max(longest, 8), 60) + 2;
}

/** Column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The workbook's shared-strings table: each distinct text once, cells point at it by index. */
class SharedStrings {
  readonly #indexes = new Map<string, number>();
  #references = 0;

  indexOf(text: string): number {
    this.#references++;
    const known = this.#indexes.get(text);
    if (known !== undefined) return known;
    const index = this.#indexes.size;
    this.#indexes.set(text, index);
    return index;
  }

  toXml(): string {
    const items = [...this.#indexes.keys()].map(
      (text) => `<si><t xml:space="preserve">${escapeXml(encodeCellText(text))}</t></si>`,
    );
    return `<sst xmlns="${mainNs}" count="${this.#references}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  }
}

/**
 * Cell text as OOXML stores it: spreadsheet readers decode `_xHHHH_` as a character, so a literal one gets
 * its underscore escaped (`_x005F_`); a CR is stored as `_x000D_`, since XML would fold CRLF into LF; text
 * past Excel's cell limit is cut.
 */
function encodeCellText(text: string): string {
  let fitting = text.length > maxCellLength ? text.slice(0, maxCellLength) : text;
  if (/[\uD800-\uDBFF]$/.test(fitting)) fitting = fitting.slice(0, -1);
  return fitting.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replaceAll("\r", "_x000D_");
}

/** Zip entries are dated by the task, so one task's export is the same file byte for byte each time. */
function zipTimestamp(createdAt: string): Date | undefined {
  const created = new Date(createdAt);
  const year = created.getUTCFullYear();
  return year >= 1980 && year < 2100 ? created : undefined;
}
