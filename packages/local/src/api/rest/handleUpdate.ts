import { z } from "zod";
import { collectFilters } from "./collectFilters.ts";
import { parseColumnList, requireColumnName } from "./parseColumnList.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import { RestError } from "./RestError.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { renderWhere } from "./renderSql.ts";
import { requireWriteFilters } from "./requireWriteFilters.ts";
import { requireSingleRow, respondToWrite } from "./respondWithRows.ts";
import { runFilteredWrite } from "./runFilteredWrite.ts";
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
  return runFilteredWrite(request, mutation, alias, parameters);
}
