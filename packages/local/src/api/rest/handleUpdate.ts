import { z } from "zod";
import { buildMutationStatement } from "./buildStatements.ts";
import { collectFilters } from "./collectFilters.ts";
import { parseColumnList, requireColumnName } from "./parseColumnList.ts";
import { parseSelect } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { renderWhere } from "./renderSql.ts";
import { requireMaxAffected, requireSingleRow, respondToWrite } from "./respondWithRows.ts";
import { RestError } from "./RestError.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { requireWriteFilters } from "./requireWriteFilters.ts";
import { runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement, type StatementResult } from "./runStatement.ts";
import { SqlParameters } from "./SqlParameters.ts";

const updateBodySchema = z.record(z.string(), z.unknown());

/** `PATCH /rest/v1/<table>?<filters>`: set the body's columns on the filtered rows (RLS decides which). */
export async function handleUpdate(request: RestRequest, table: string): Promise<RestResult> {
  const { url, prefer, media } = request;
  const filters = collectFilters(url.searchParams);
  requireWriteFilters("UPDATE", filters, url);
  const body = await readJsonBody(request.req, null);
  const parsed = updateBodySchema.safeParse(body.value);
  if (!parsed.success || Array.isArray(body.value))
    throw RestError.badBody("The body of an update must be a JSON object");
  const columnsParameter = url.searchParams.get("columns");
  const columns = (
    columnsParameter !== null ? parseColumnList("columns", columnsParameter) : Object.keys(parsed.data)
  ).map((key) => requireColumnName(key, table));
  if (columns.length === 0) {
    // Nothing to set: PostgREST answers without touching a row.
    const empty = { total: 0, pageTotal: 0, body: media.shape === "object" ? null : "[]" };
    requireSingleRow(empty, media);
    return respondToWrite(empty, 200, media, prefer);
  }

  const alias = quoteIdentifier(table);
  const target = `"public".${alias}`;
  const parameters = new SqlParameters();
  const json = parameters.bind(body.text);
  const assignments = columns.map(
    (column) => `${quoteIdentifier(column)} = _pgrst_body.${quoteIdentifier(column)}`,
  );
  const mutation = `update ${target} as ${alias} set ${assignments.join(", ")} from json_populate_record(null::${target}, ${json}::json) as _pgrst_body ${renderWhere(filters, alias, parameters)}`;
  const text = buildMutationStatement({
    mutation,
    alias,
    select: parseSelect(url.searchParams.get("select")),
    representation: prefer.return === "representation",
    body: media.shape,
    stripNulls: media.stripNulls,
  });
  const result = await runAsRequestRole<StatementResult>(
    request.ctx,
    scopeOf(request, false),
    async (tx, rollback) => {
      const written = await runStatement(tx, text, parameters.values);
      requireSingleRow(written, media);
      requireMaxAffected(written, prefer);
      return prefer.rollback ? rollback(written) : written;
    },
  );
  return respondToWrite(result, 200, media, prefer);
}
