import { z } from "zod";
import { buildMutationStatement } from "./buildStatements.ts";
import { parseColumnList, requireColumnName } from "./parseColumnList.ts";
import { parseSelect } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import { RestError } from "./RestError.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { requireMaxAffected, requireSingleRow, respondToWrite } from "./respondWithRows.ts";
import type { RequestSql } from "./runAsRequestRole.ts";
import { runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement, type StatementResult } from "./runStatement.ts";
import { SqlParameters } from "./SqlParameters.ts";

const rowSchema = z.record(z.string(), z.unknown());
const insertBodySchema = z.union([rowSchema, z.array(rowSchema)]);
const primaryKeySchema = z.array(z.object({ name: z.string() }));

/**
 * `POST /rest/v1/<table>`: insert one object or an array, PostgREST-style (`json_populate_recordset` over the
 * table's row type, so Postgres converts every value), with upsert through `Prefer: resolution=…` + `on_conflict`.
 */
export async function handleInsert(request: RestRequest, table: string): Promise<RestResult> {
  const { url, prefer, media } = request;
  if (url.searchParams.has("limit") || url.searchParams.has("offset") || url.searchParams.has("order")) {
    throw RestError.unsupported("limit, offset or order on an insert");
  }
  const body = await readJsonBody(request.req, null);
  const parsed = insertBodySchema.safeParse(body.value);
  if (!parsed.success) throw RestError.badBody("The body must be a JSON object or an array of JSON objects");
  const rows = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const columnsParameter = url.searchParams.get("columns");
  const columns = (
    columnsParameter !== null ? parseColumnList("columns", columnsParameter) : Object.keys(rows[0] ?? {})
  ).map((key) => requireColumnName(key, table));
  const sameKeys = rows.every((row) => sameKeySet(Object.keys(row), columns));
  if (columnsParameter === null && !sameKeys) throw RestError.badBody("All object keys must match");
  if (columnsParameter !== null && prefer.missing === "default" && !sameKeys) {
    throw RestError.unsupported("Prefer: missing=default with objects that lack some of the columns");
  }

  const alias = quoteIdentifier(table);
  const target = `"public".${alias}`;
  const representation = prefer.return === "representation";
  const select = parseSelect(url.searchParams.get("select"));
  const parameters = new SqlParameters();
  if (rows.length === 0) {
    // Nothing to insert: PostgREST answers an empty array without touching the table.
    const empty = { total: 0, pageTotal: 0, body: media.shape === "object" ? null : "[]" };
    requireSingleRow(empty, media);
    return respondToWrite(empty, 201, media, prefer);
  }
  let mutation: string;
  if (columns.length === 0) {
    if (rows.length > 1)
      throw RestError.unsupported("Inserting several rows that all take only default values");
    mutation = `insert into ${target} as ${alias} default values`;
  } else {
    const json = Array.isArray(parsed.data) ? body.text : `[${body.text}]`;
    const list = columns.map(quoteIdentifier);
    mutation = `insert into ${target} as ${alias} (${list.join(", ")}) select ${list.map((column) => `_pgrst_body.${column}`).join(", ")} from json_populate_recordset(null::${target}, ${parameters.bind(json)}::json) as _pgrst_body`;
  }

  const result = await runAsRequestRole<StatementResult>(
    request.ctx,
    scopeOf(request, false),
    async (tx, rollback) => {
      const conflict = prefer.resolution === null ? "" : await renderOnConflict(tx, request, target, columns);
      const text = buildMutationStatement({
        mutation: `${mutation}${conflict}`,
        alias,
        select,
        representation,
        body: media.shape,
        stripNulls: media.stripNulls,
      });
      const written = await runStatement(tx, text, parameters.values);
      requireSingleRow(written, media);
      requireMaxAffected(written, prefer);
      return prefer.rollback ? rollback(written) : written;
    },
  );
  return respondToWrite(result, 201, media, prefer);
}

function sameKeySet(keys: readonly string[], columns: readonly string[]): boolean {
  return keys.length === columns.length && keys.every((key) => columns.includes(key));
}

/** `on conflict (…) do update set …` / `do nothing`, on `on_conflict` columns or else the primary key. */
async function renderOnConflict(
  tx: RequestSql,
  request: RestRequest,
  target: string,
  columns: readonly string[],
): Promise<string> {
  const onConflict = request.url.searchParams.get("on_conflict");
  let conflictColumns: string[];
  if (onConflict !== null) {
    conflictColumns = parseColumnList("on_conflict", onConflict);
  } else {
    const rows = await tx
      .unsafe(
        `select a.attname::text as name
         from pg_index i
         cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = to_regclass($1) and i.indisprimary
        order by k.ord`,
        [target],
        { prepare: true },
      )
      .execute();
    conflictColumns = primaryKeySchema.parse(rows).map((row) => row.name);
  }
  const targetList =
    conflictColumns.length > 0 ? ` (${conflictColumns.map(quoteIdentifier).join(", ")})` : "";
  if (request.prefer.resolution === "ignore-duplicates" || columns.length === 0)
    return ` on conflict${targetList} do nothing`;
  const assignments = columns.map(
    (column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`,
  );
  return ` on conflict${targetList} do update set ${assignments.join(", ")}`;
}
