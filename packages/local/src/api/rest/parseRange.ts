import { RestError } from "./RestError.ts";

export interface RowRange {
  offset: number;
  /** null: no limit. */
  limit: number | null;
  /** Whether the client asked for a range at all (limit, offset or a Range header). */
  requested: boolean;
}

/**
 * The rows a read asks for: `limit`/`offset` query parameters intersected with a `Range: from-to` header
 * (honoured on GET and HEAD, as PostgREST does).
 */
export function parseRange(url: URL, rangeHeader: string | undefined, honourHeader: boolean): RowRange {
  const limitParam = url.searchParams.get("limit");
  const offsetParam = url.searchParams.get("offset");
  const queryLower = offsetParam === null ? 0 : parseCount("offset", offsetParam);
  const queryUpper =
    limitParam === null ? Number.POSITIVE_INFINITY : queryLower + parseCount("limit", limitParam) - 1;
  let lower = queryLower;
  let upper = queryUpper;
  let requested = limitParam !== null || offsetParam !== null;
  if (honourHeader && rangeHeader !== undefined && rangeHeader.trim() !== "") {
    const match = /^\s*(\d+)-(\d*)\s*$/.exec(rangeHeader);
    if (match) {
      const headerLower = Number(match[1]);
      const headerUpper =
        match[2] === "" || match[2] === undefined ? Number.POSITIVE_INFINITY : Number(match[2]);
      if (headerLower > headerUpper) {
        throw new RestError(416, {
          code: "PGRST103",
          message: "Requested range not satisfiable",
          details:
            "The lower boundary must be lower than or equal to the upper boundary in the Range header.",
          hint: null,
        });
      }
      lower = Math.max(lower, headerLower);
      upper = Math.min(upper, headerUpper);
      requested = true;
    }
  }
  const limit = upper === Number.POSITIVE_INFINITY ? null : Math.max(0, upper - lower + 1);
  return { offset: lower, limit, requested };
}

function parseCount(name: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw RestError.badParameter(`${name} parameter`, value, `${name} must be a non-negative integer`);
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed))
    throw RestError.badParameter(`${name} parameter`, value, `${name} is too large`);
  return parsed;
}
