import type { ExportProduct, ExportSource } from "./exportProduct.ts";

/** The task and its products as pretty-printed UTF-8 JSON, every field as stored: the lossless export. */
export function buildJsonExport(products: readonly ExportProduct[], source: ExportSource): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ source, products }, null, 2)}\n`);
}
