import type { Sql } from "postgres";
import { z } from "zod";
import type { TableShape } from "./realtimeTypes.ts";

const shapeRowSchema = z.object({
  schema: z.string(),
  table: z.string(),
  row_security: z.boolean(),
  columns: z.array(z.object({ name: z.string(), type: z.string(), sqlType: z.string() })),
  primary_key: z.array(z.string()),
});

/** Reads a table's columns, primary key and RLS switch from the catalog; null when the table is gone. */
export async function loadTableShape(sql: Sql, relationId: number): Promise<TableShape | null> {
  const rows = await sql.unsafe(
    `select n.nspname as schema, c.relname as table, c.relrowsecurity as row_security,
       coalesce((
         select json_agg(json_build_object('name', a.attname, 'type', t.typname,
                                           'sqlType', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
         from pg_attribute a join pg_type t on t.oid = a.atttypid
         where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns,
       coalesce((
         select json_agg(a.attname order by k.position)
         from pg_index i
         cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
         where i.indrelid = c.oid and i.indisprimary), '[]') as primary_key
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.oid = $1`,
    [relationId],
  );
  const row = rows[0];
  if (!row) return null;
  const shape = shapeRowSchema.parse(row);
  return {
    relationId,
    schema: shape.schema,
    table: shape.table,
    rowSecurity: shape.row_security,
    columns: shape.columns,
    primaryKey: shape.primary_key,
  };
}
