import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/testDatabase.ts";
import { buildSqlExport } from "./buildSqlExport.ts";
import type { ExportProduct } from "./exportProduct.ts";
import { exampleSource, makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A row as postgres.js returns it (numeric and bigint as strings, timestamptz as Date) in export terms. */
function fromDatabase(row: Record<string, unknown>): Record<string, unknown> {
  const asNumber = (value: unknown) => (value === null ? null : Number(value));
  return {
    ...row,
    price: asNumber(row.price),
    price_kzt: asNumber(row.price_kzt),
    rating: asNumber(row.rating),
    reviews: asNumber(row.reviews),
    views: asNumber(row.views),
    posted_at: row.posted_at instanceof Date ? row.posted_at.toISOString() : row.posted_at,
  };
}

/** Postgres text cannot hold NUL: the export drops it and keeps everything else. */
function withoutNul(product: ExportProduct): ExportProduct {
  return { ...product, description: product.description?.replaceAll("\u0000", "") ?? null };
}

describe("buildSqlExport", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  /** Sends the whole script as one query on one connection, as pgAdmin or the Supabase SQL editor do. */
  async function runScript(script: Uint8Array, setup = "select 1"): Promise<void> {
    const connection = await db.sql.reserve();
    try {
      await connection.unsafe(setup);
      await connection.unsafe(decode(script)).simple();
    } finally {
      connection.release();
    }
  }

  it("runs in Postgres and reads back equal: quotes, backslashes, Kazakh letters, emoji, nulls, JSON", async () => {
    const products = makeAwkwardProducts();
    await runScript(buildSqlExport(products, exampleSource, { tableName: "awkward_products" }));
    const rows = await db.sql<Record<string, unknown>[]>`select * from awkward_products`;
    const byTitle = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.title).localeCompare(String(b.title));
    expect(rows.map(fromDatabase).sort(byTitle)).toEqual(products.map(withoutNul).sort(byTitle));
  });

  it("keeps backslashes literal even on a server with standard_conforming_strings off", async () => {
    const products = makeAwkwardProducts();
    const script = buildSqlExport(products, exampleSource, { tableName: "legacy_server" });
    await runScript(script, "set standard_conforming_strings = off");
    const rows = await db.sql<Record<string, unknown>[]>`select * from legacy_server where site = 'satu'`;
    expect(rows.map(fromDatabase)).toEqual(products.filter((p) => p.site === "satu").map(withoutNul));
  });

  it("splits 1 200 products into INSERTs of 500, 500 and 200 and loads them all, into a schema-qualified table", async () => {
    const products = makeManyProducts(1200);
    await db.sql`create schema if not exists research_exports`;
    const script = decode(
      buildSqlExport(products, exampleSource, { tableName: "research_exports.products" }),
    );
    const inserts = script.split("\nINSERT INTO ").slice(1);
    expect(inserts.map((statement) => statement.split("\n  (").length - 1)).toEqual([500, 500, 200]);
    await runScript(new TextEncoder().encode(script));
    const rows = await db.sql<
      Record<string, unknown>[]
    >`select * from research_exports.products order by external_id`;
    expect(rows.map(fromDatabase)).toEqual(products);
  });

  it("loads one product, and a task with none only creates the table", async () => {
    await runScript(buildSqlExport(makeManyProducts(1), exampleSource, { tableName: "one" }));
    expect(await db.sql`select title from one`).toEqual([{ title: "Товар № 1" }]);
    const empty = buildSqlExport([], exampleSource, { tableName: "none" });
    expect(decode(empty)).not.toContain("INSERT");
    await runScript(empty);
    expect(await db.sql`select count(*)::int as n from none`).toEqual([{ n: 0 }]);
  });

  it("cannot be made to run a statement through the task title or a source URL", async () => {
    const source = {
      ...exampleSource,
      title: "Рашгарды\ncreate table injected_by_title (a int);",
      source_urls: ["https://x.kz/\r\ncreate table injected_by_url (a int);--"],
    };
    await runScript(buildSqlExport([], source, { tableName: "after_injection" }));
    const [found] = await db.sql<{ tables: string[] }[]>`
      select coalesce(array_agg(tablename::text), '{}') as tables from pg_tables where tablename like 'injected_by_%'`;
    expect(found?.tables).toEqual([]);
  });

  it("refuses a table name that is not a plain identifier", () => {
    for (const tableName of ["products; drop table x", "Products", '"x"', "a.b.c", "", "1table"]) {
      expect(() => buildSqlExport([], exampleSource, { tableName })).toThrow(RangeError);
    }
    expect(decode(buildSqlExport([], exampleSource, { tableName: "order" }))).toContain(
      'CREATE TABLE IF NOT EXISTS "order"',
    );
  });

  it("writes quotes doubled, text with a backslash dollar-quoted, no E'' strings, into parsed_products by default", () => {
    const script = decode(buildSqlExport(makeAwkwardProducts(), exampleSource));
    expect(script).not.toMatch(/\bE'/);
    expect(script).toContain('CREATE TABLE IF NOT EXISTS "parsed_products"');
    expect(script).toContain("'Рашгард черный, размер \"M\"; 2 шт.'");
    expect(script).toContain("'Қазақша әғқңөұүһі ӘҒҚҢӨҰҮҺІ тауар 🚀🇰🇿'");
    expect(script).toContain("$q$Tab\there, O'Reilly's \\n C:\\new\\table");
    // A tag the text holds, or one its end would run into ("…$q1" + "$q1$"), is not used.
    expect(script).toContain(
      "$q2$NUL  here, \\' backslash-quote, $$dollar$$ and $q$ quoting, ends with $q1$q2$",
    );
  });
});
