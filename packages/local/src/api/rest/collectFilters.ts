import { type Filter, parseFilter } from "./parseFilter.ts";
import { RestError } from "./RestError.ts";

/** Query parameters PostgREST reserves (not filters); `apikey` is the gateway's. */
const reservedParameters = new Set([
  "select",
  "order",
  "limit",
  "offset",
  "columns",
  "on_conflict",
  "apikey",
]);
const logicalParameters = /^(not\.)?(or|and)$/;

/**
 * The horizontal filters of a request: every non-reserved query parameter, except `skip` (RPC arguments).
 * `or`/`and` and anything aimed at an embedded resource are 501.
 */
export function collectFilters(parameters: URLSearchParams, skip: ReadonlySet<string> = new Set()): Filter[] {
  const filters: Filter[] = [];
  for (const [key, value] of parameters) {
    if (reservedParameters.has(key) || skip.has(key)) continue;
    if (logicalParameters.test(key)) throw RestError.unsupported(`The logical filter \`${key}=${value}\``);
    if (/\.(or|and|limit|offset|order|select)$/.test(key))
      throw RestError.unsupported(`The embedded-resource parameter \`${key}\``);
    filters.push(parseFilter(key, value));
  }
  return filters;
}
