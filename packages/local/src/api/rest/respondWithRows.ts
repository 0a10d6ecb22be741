import type { MediaChoice } from "./negotiateMediaType.ts";
import type { Preferences } from "./parsePrefer.ts";
import { RestError } from "./RestError.ts";
import type { RestResult } from "./RestRequest.ts";
import type { StatementResult } from "./runStatement.ts";

/** 406 PGRST116 unless exactly one row: call inside the transaction so a write is rolled back. */
export function requireSingleRow(result: StatementResult, media: MediaChoice): void {
  if (media.shape !== "object" || result.pageTotal === 1) return;
  throw new RestError(406, {
    code: "PGRST116",
    message: "Cannot coerce the result to a single JSON object",
    details: `The result contains ${result.pageTotal} rows`,
    hint: null,
  });
}

/** 400 PGRST124 when `Prefer: handling=strict, max-affected=n` is exceeded (inside the transaction). */
export function requireMaxAffected(result: StatementResult, prefer: Preferences): void {
  if (!prefer.strict || prefer.maxAffected === null || result.pageTotal <= prefer.maxAffected) return;
  throw new RestError(400, {
    code: "PGRST124",
    message: "Query result exceeds max-affected preference constraint",
    details: `The query affects ${result.pageTotal} rows`,
    hint: null,
  });
}

export function contentTypeOf(media: MediaChoice): string {
  return media.shape === "object"
    ? "application/vnd.pgrst.object+json; charset=utf-8"
    : "application/json; charset=utf-8";
}

/**
 * A read's answer as PostgREST gives it: `Content-Range: 0-24/137` (`*` when unknown or empty), 206 when a
 * counted page holds fewer rows than the total, 416 when the offset lies past the total.
 */
export function respondToRead(
  result: StatementResult,
  offset: number,
  media: MediaChoice,
  head: boolean,
  prefer: Preferences,
): RestResult {
  const range = result.pageTotal > 0 ? `${offset}-${offset + result.pageTotal - 1}` : "*";
  const headers: Record<string, string> = {
    "content-type": contentTypeOf(media),
    "content-range": `${range}/${result.total ?? "*"}`,
  };
  if (prefer.applied.length > 0) headers["preference-applied"] = prefer.applied.join(", ");
  let status = 200;
  if (result.total !== null) {
    if (offset > result.total) {
      throw new RestError(416, {
        code: "PGRST103",
        message: "Requested range not satisfiable",
        details: `An offset of ${offset} was requested, but there are only ${result.total} rows.`,
        hint: null,
      });
    }
    if (result.pageTotal < result.total) status = 206;
  }
  return { status, body: head ? null : result.body, headers };
}

/** A write's answer: `successStatus` with the rows (representation) or no body (minimal, 204 for PATCH/DELETE). */
export function respondToWrite(
  result: StatementResult,
  successStatus: 200 | 201,
  media: MediaChoice,
  prefer: Preferences,
): RestResult {
  const representation = prefer.return === "representation";
  const headers: Record<string, string> = {
    "content-range": `*/${prefer.count === "exact" ? result.pageTotal : "*"}`,
  };
  if (prefer.applied.length > 0) headers["preference-applied"] = prefer.applied.join(", ");
  if (!representation) return { status: successStatus === 201 ? 201 : 204, body: null, headers };
  headers["content-type"] = contentTypeOf(media);
  return { status: successStatus, body: result.body, headers };
}
