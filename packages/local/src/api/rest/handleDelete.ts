import { buildMutationStatement } from "./buildStatements.ts";
import { collectFilters } from "./collectFilters.ts";
import { parseSelect } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import { renderWhere } from "./renderSql.ts";
import { requireMaxAffected, requireSingleRow, respondToWrite } from "./respondWithRows.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { requireWriteFilters } from "./requireWriteFilters.ts";
import { runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement, type StatementResult } from "./runStatement.ts";
import { SqlParameters } from "./SqlParameters.ts";

/** `DELETE /rest/v1/<table>?<filters>`: delete the filtered rows (RLS decides which). */
export async function handleDelete(request: RestRequest, table: string): Promise<RestResult> {
  const { url, prefer, media } = request;
  const filters = collectFilters(url.searchParams);
  requireWriteFilters("DELETE", filters, url);
  const alias = quoteIdentifier(table);
  const parameters = new SqlParameters();
  const text = buildMutationStatement({
    mutation: `delete from "public".${alias} as ${alias} ${renderWhere(filters, alias, parameters)}`,
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
