import { collectFilters } from "./collectFilters.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { renderWhere } from "./renderSql.ts";
import { requireWriteFilters } from "./requireWriteFilters.ts";
import { runFilteredWrite } from "./runFilteredWrite.ts";
import { SqlParameters } from "./SqlParameters.ts";

/** `DELETE /rest/v1/<table>?<filters>`: delete the filtered rows (RLS decides which). */
export async function handleDelete(request: RestRequest, table: string): Promise<RestResult> {
  const { url } = request;
  const filters = collectFilters(url.searchParams);
  requireWriteFilters("DELETE", filters, url);
  const alias = quoteIdentifier(table);
  const parameters = new SqlParameters();
  const mutation = `delete from "public".${alias} as ${alias} ${renderWhere(filters, alias, parameters)}`;
  return runFilteredWrite(request, mutation, alias, parameters);
}
