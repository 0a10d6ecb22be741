import { buildMutationStatement } from "./buildStatements.ts";
import { parseSelect } from "./parseSelect.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { requireMaxAffected, requireSingleRow, respondToWrite } from "./respondWithRows.ts";
import { runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement, type StatementResult } from "./runStatement.ts";
import type { SqlParameters } from "./SqlParameters.ts";

/**
 * Runs an UPDATE or DELETE over filtered rows as the request's role, then answers as PostgREST does: the
 * `select`ed representation if asked, `Prefer: max-affected` and single-object media enforced (rolling back when
 * they fail), `Prefer: tx=rollback` honoured.
 */
export async function runFilteredWrite(
  request: RestRequest,
  mutation: string,
  alias: string,
  parameters: SqlParameters,
): Promise<RestResult> {
  const { url, prefer, media } = request;
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
