import type { ExportProduct } from "./exportProduct.ts";
import { type TableCell, type TableColumn, tableColumns } from "./tableColumns.ts";

/** Excel reads a CSV as UTF-8 only when it starts with the byte order mark; without it Cyrillic turns to mojibake. */
const byteOrderMark = "\uFEFF";

/**
 * Products as an RFC 4180 CSV that Excel opens as it is: UTF-8 with BOM, CRLF, comma-separated, stable
 * English headers, numbers unformatted ("2810", "1.5"), booleans true/false, empty cells for nulls.
 */
export function buildCsvExport(products: readonly ExportProduct[]): Uint8Array {
  const lines = [
    tableColumns.map((column) => quoteCsvField(column.name)).join(","),
    ...products.map((product) => tableColumns.map((column) => formatCsvCell(column, product)).join(",")),
  ];
  return new TextEncoder().encode(`${byteOrderMark}${lines.join("\r\n")}\r\n`);
}

function formatCsvCell(column: TableColumn, product: ExportProduct): string {
  const cell: TableCell = column.read(product);
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return quoteCsvField(neutraliseFormula(cell));
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR, which it skips first) as a formula:
 * a scraped title "=HYPERLINK(…)" must stay text, so it gets a leading apostrophe (OWASP CSV injection).
 * Numbers never reach here, so a negative price stays a number.
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a separator, a quote or a line break is quoted, its quotes doubled. */
function quoteCsvField(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
