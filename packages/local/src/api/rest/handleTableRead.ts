import { buildReadStatement } from "./buildStatements.ts";
import { collectFilters } from "./collectFilters.ts";
import { parseOrder } from "./parseOrder.ts";
import { parseRange } from "./parseRange.ts";
import { parseSelect } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { requireSingleRow, respondToRead } from "./respondWithRows.ts";
import { runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement, type StatementResult } from "./runStatement.ts";
import { SqlParameters } from "./SqlParameters.ts";

/** `GET|HEAD /rest/v1/<table-or-view>`: select, filters, order, range and count, in a read-only transaction. */
export async function handleTableRead(request: RestRequest, table: string): Promise<RestResult> {
  const { url, media, prefer } = request;
  const head = request.method === "HEAD";
  const alias = quoteIdentifier(table);
  const range = parseRange(url, headerValue(request.req.headers.range), true);
  const parameters = new SqlParameters();
  const text = buildReadStatement(
    {
      from: `"public".${alias} as ${alias}`,
      alias,
      select: parseSelect(url.searchParams.get("select")),
      filters: collectFilters(url.searchParams),
      order: parseOrder(url.searchParams.get("order")),
      range,
      count: prefer.count === "exact",
      body: head ? "none" : media.shape,
      stripNulls: media.stripNulls,
    },
    parameters,
  );
  const result = await runAsRequestRole<StatementResult>(
    request.ctx,
    scopeOf(request, true),
    async (tx, _rollback, commitEarly) => {
      const pending = runStatement(tx, text, parameters.values);
      commitEarly(); // read-only: nothing to roll back
      const rows = await pending;
      if (!head) requireSingleRow(rows, media);
      return rows;
    },
  );
  return respondToRead(result, range.offset, media, head, prefer);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
