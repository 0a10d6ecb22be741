import type { ExportProduct } from "./exportProduct.ts";

/** A cell of the spreadsheet exports: text, a number, a yes/no, or empty. */
export type TableCell = string | number | boolean | null;

export interface TableColumn {
  /** Stable English header: spreadsheets and scripts built on an export keep working across versions. */
  name: string;
  kind: "text" | "number" | "boolean";
  /** How a spreadsheet shows the number: a price in its currency, or whole tenge. */
  numberFormat?: "price" | "tenge";
  read(product: ExportProduct): TableCell;
}

/** The columns of the CSV and XLSX exports, in order: one row per product, nested lists summarised. */
export const tableColumns: readonly TableColumn[] = [
  { name: "site", kind: "text", read: (p) => p.site },
  { name: "id", kind: "text", read: (p) => p.external_id },
  { name: "title", kind: "text", read: (p) => p.title },
  { name: "price", kind: "number", numberFormat: "price", read: (p) => p.price },
  { name: "currency", kind: "text", read: (p) => p.currency },
  { name: "price_kzt", kind: "number", numberFormat: "tenge", read: (p) => p.price_kzt },
  { name: "negotiable", kind: "boolean", read: (p) => p.negotiable },
  { name: "city", kind: "text", read: (p) => p.city },
  { name: "seller", kind: "text", read: (p) => p.seller },
  { name: "seller_type", kind: "text", read: (p) => p.seller_type },
  { name: "promoted", kind: "boolean", read: (p) => p.promoted },
  { name: "url", kind: "text", read: (p) => p.url },
  { name: "rating", kind: "number", read: (p) => p.rating },
  { name: "reviews", kind: "number", read: (p) => p.reviews },
  { name: "views", kind: "number", read: (p) => p.views },
  { name: "posted_at", kind: "text", read: (p) => p.posted_at },
  { name: "brand", kind: "text", read: (p) => p.brand },
  { name: "sku", kind: "text", read: (p) => p.sku },
  { name: "available", kind: "boolean", read: (p) => p.available },
  { name: "sellers_count", kind: "number", read: (p) => p.sellers.length },
];
