import type { ExportProduct, ExportSource } from "./exportProduct.ts";

export interface SqlExportOptions {
  /** Target table, `name` or `schema.name`, lower-case letters, digits and underscores. */
  tableName?: string;
}

/** One INSERT per this many rows: big enough to load fast, small enough for any client's statement limit. */
export const sqlRowsPerInsert = 500;

const tableIdentifier = /^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/;

/**
 * Products as a Postgres script that loads into any database: the table if it is missing, then one
 * multi-row INSERT per 500 products, all in one transaction. Strings are '…' literals with quotes doubled
 * (dollar-quoted when they hold a backslash), so a backslash in a title stays a backslash whatever the
 * server's standard_conforming_strings; sellers and attributes are JSON, images a text array.
 */
export function buildSqlExport(
  products: readonly ExportProduct[],
  source: ExportSource,
  options: SqlExportOptions = {},
): Uint8Array {
  const table = quoteTableName(options.tableName ?? "parsed_products");
  const lines = [
    `-- Arqan export: ${toCommentText(source.title)}`,
    `-- Task ${toCommentText(source.task_id)}, created ${toCommentText(source.created_at)}, ${products.length} products.`,
    ...source.source_urls.map((url) => `-- Source: ${toCommentText(url)}`),
    "SET client_encoding = 'UTF8';",
    "BEGIN;",
    "",
    `CREATE TABLE IF NOT EXISTS ${table} (`,
    sqlColumns.map((column) => `  ${column.name} ${column.definition}`).join(",\n"),
    ");",
  ];
  const columnList = sqlColumns.map((column) => column.name).join(", ");
  for (let start = 0; start < products.length; start += sqlRowsPerInsert) {
    const rows = products
      .slice(start, start + sqlRowsPerInsert)
      .map((product) => `  (${sqlColumns.map((column) => column.literal(product)).join(", ")})`);
    lines.push("", `INSERT INTO ${table} (${columnList}) VALUES`, `${rows.join(",\n")};`);
  }
  lines.push("", "COMMIT;", "");
  return new TextEncoder().encode(lines.join("\n"));
}

interface SqlColumn {
  name: keyof ExportProduct;
  definition: string;
  literal(product: ExportProduct): string;
}

const textColumn = (name: keyof ExportProduct, definition = "text"): SqlColumn => ({
  name,
  definition,
  literal: (product) => {
    const value = product[name];
    return typeof value === "string" ? quoteText(value) : "NULL";
  },
});
const numberColumn = (name: keyof ExportProduct, definition: string): SqlColumn => ({
  name,
  definition,
  literal: (product) => {
    const value = product[name];
    return typeof value === "number" && Number.isFinite(value) ? String(value) : "NULL";
  },
});
const booleanColumn = (name: keyof ExportProduct, definition = "boolean"): SqlColumn => ({
  name,
  definition,
  literal: (product) => {
    const value = product[name];
    return typeof value === "boolean" ? String(value).toUpperCase() : "NULL";
  },
});

/** The table's columns: the same names and meaning as the app's public.parsed_products. */
const sqlColumns: readonly SqlColumn[] = [
  textColumn("site", "text NOT NULL"),
  textColumn("external_id"),
  textColumn("title", "text NOT NULL"),
  numberColumn("price", "numeric"),
  textColumn("currency"),
  numberColumn("price_kzt", "numeric"),
  booleanColumn("negotiable"),
  textColumn("city"),
  textColumn("seller"),
  textColumn("seller_type", "text CHECK (seller_type IN ('private', 'business'))"),
  booleanColumn("promoted", "boolean NOT NULL DEFAULT false"),
  textColumn("url"),
  numberColumn("rating", "numeric"),
  numberColumn("reviews", "bigint"),
  numberColumn("views", "bigint"),
  {
    name: "posted_at",
    definition: "timestamptz",
    // Normalised to UTC ISO: JavaScript and Postgres read some date spellings differently.
    literal: ({ posted_at }) => {
      const instant = posted_at === null ? Number.NaN : Date.parse(posted_at);
      return Number.isNaN(instant) ? "NULL" : `${quoteText(new Date(instant).toISOString())}::timestamptz`;
    },
  },
  textColumn("brand"),
  textColumn("sku"),
  booleanColumn("available"),
  {
    name: "sellers",
    definition: "jsonb NOT NULL DEFAULT '[]'",
    literal: ({ sellers }) =>
      quoteJson(
        sellers.map((seller) => ({
          name: cleanText(seller.name),
          id: seller.id === null ? null : cleanText(seller.id),
          price: seller.price,
        })),
      ),
  },
  {
    name: "attributes",
    definition: "jsonb NOT NULL DEFAULT '{}'",
    literal: ({ attributes }) =>
      quoteJson(
        Object.fromEntries(
          Object.entries(attributes).map(([key, value]) => [cleanText(key), cleanText(value)]),
        ),
      ),
  },
  textColumn("description"),
  {
    name: "images",
    definition: "text[] NOT NULL DEFAULT '{}'",
    literal: ({ images }) =>
      images.length === 0 ? "ARRAY[]::text[]" : `ARRAY[${images.map(quoteText).join(", ")}]::text[]`,
  },
];

/** A validated table name, each part double-quoted so a reserved word ("order", "user") still works. */
function quoteTableName(name: string): string {
  if (!tableIdentifier.test(name)) {
    throw new RangeError(
      `Table name "${name}" is not allowed: use lower-case letters, digits and underscores, optionally schema.table`,
    );
  }
  return name
    .split(".")
    .map((part) => `"${part}"`)
    .join(".");
}

/**
 * A string constant that means the same whatever standard_conforming_strings says, even when the whole
 * script goes to the server as one query (the SET at its top then comes too late for the lexer): a
 * standard '…' literal with quotes doubled, or, for text with a backslash (which an old server would read
 * as an escape), a dollar-quoted string under a tag the text does not contain. Never E'…'.
 */
function quoteText(value: string): string {
  const clean = cleanText(value);
  if (!clean.includes("\\")) return `'${clean.replaceAll("'", "''")}'`;
  for (let attempt = 0; ; attempt++) {
    const tag = attempt === 0 ? "$q$" : `$q${attempt}$`;
    // The closing tag must first appear where the text ends: "x$q" + "$q$" would close early.
    if (`${clean}${tag}`.indexOf(tag) === clean.length) return `${tag}${clean}${tag}`;
  }
}

function quoteJson(value: unknown): string {
  return `${quoteText(JSON.stringify(value))}::jsonb`;
}

/**
 * Postgres text cannot hold NUL (and libpq would end the script there) nor an unpaired UTF-16 surrogate
 * (jsonb rejects its \u escape): NUL is dropped, a lone surrogate becomes U+FFFD.
 */
function cleanText(value: string): string {
  return value
    .replaceAll("\u0000", "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A `--` comment ends at a line break, so a title with one could smuggle a statement: breaks become spaces. */
function toCommentText(value: string): string {
  return cleanText(value).replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ");
}
