import type { Filter } from "./parseFilter.ts";
import { RestError } from "./RestError.ts";

/**
 * Refuses an UPDATE or DELETE without filters, as Supabase's `safeupdate` does (400, 21000), and limits or
 * ordering on them, which the stand-in does not serve.
 */
export function requireWriteFilters(
  command: "UPDATE" | "DELETE",
  filters: readonly Filter[],
  url: URL,
): void {
  if (url.searchParams.has("limit") || url.searchParams.has("offset") || url.searchParams.has("order")) {
    throw RestError.unsupported(
      `limit, offset or order on ${command === "UPDATE" ? "an update" : "a delete"}`,
    );
  }
  if (filters.length > 0) return;
  throw new RestError(400, {
    code: "21000",
    message: `${command} requires a WHERE clause`,
    details: null,
    hint: `Add a filter (e.g. .eq('id', …)) to say which rows to ${command === "UPDATE" ? "update" : "delete"}.`,
  });
}
