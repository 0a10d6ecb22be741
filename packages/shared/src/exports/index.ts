import { buildCsvExport } from "./buildCsvExport.ts";
import { buildJsonExport } from "./buildJsonExport.ts";
import { buildJsonLdExport } from "./buildJsonLdExport.ts";
import { buildSqlExport, type SqlExportOptions } from "./buildSqlExport.ts";
import { buildWxrExport } from "./buildWxrExport.ts";
import { buildXlsxExport } from "./buildXlsxExport.ts";
import type { ExportProduct, ExportSource } from "./exportProduct.ts";
import { nameExportFile } from "./nameExportFile.ts";

export { type SqlExportOptions, sqlRowsPerInsert } from "./buildSqlExport.ts";
export {
  type ExportProduct,
  type ExportSeller,
  type ExportSource,
  exportProductSchema,
  exportSellerSchema,
  exportSourceSchema,
} from "./exportProduct.ts";
export { nameExportFile } from "./nameExportFile.ts";
export { toExportProducts } from "./toExportProducts.ts";

/** Every file a task's results can be downloaded as. */
export const exportFormats = ["json", "csv", "xlsx", "sql", "wxr", "jsonld"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportFile {
  filename: string;
  mimeType: string;
  body: Uint8Array;
}

export type ExportOptions = SqlExportOptions;

const formatFiles: Readonly<
  Record<
    ExportFormat,
    {
      extension: string;
      mimeType: string;
      build(products: readonly ExportProduct[], source: ExportSource, options: ExportOptions): Uint8Array;
    }
  >
> = {
  json: { extension: "json", mimeType: "application/json; charset=utf-8", build: buildJsonExport },
  csv: { extension: "csv", mimeType: "text/csv; charset=utf-8", build: buildCsvExport },
  xlsx: {
    extension: "xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    build: buildXlsxExport,
  },
  sql: { extension: "sql", mimeType: "application/sql; charset=utf-8", build: buildSqlExport },
  // The WordPress importer takes an .xml file.
  wxr: { extension: "xml", mimeType: "application/rss+xml; charset=utf-8", build: buildWxrExport },
  jsonld: { extension: "jsonld", mimeType: "application/ld+json; charset=utf-8", build: buildJsonLdExport },
};

/** A task's products as a downloadable file of the chosen format, named after the task and its day. */
export function buildExport(
  format: ExportFormat,
  products: readonly ExportProduct[],
  source: ExportSource,
  options: ExportOptions = {},
): ExportFile {
  const file = formatFiles[format];
  return {
    filename: nameExportFile(source, file.extension),
    mimeType: file.mimeType,
    body: file.build(products, source, options),
  };
}
