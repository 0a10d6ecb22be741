import type { Filter } from "./parseFilter.ts";
import type { OrderTerm } from "./parseOrder.ts";
import type { RowRange } from "./parseRange.ts";
import type { SelectItem } from "./parseSelect.ts";
import { renderOrder, renderSelectList, renderWhere } from "./renderSql.ts";
import type { SqlParameters } from "./SqlParameters.ts";

/** What the response body holds: all rows as an array, the single row as an object, or nothing (HEAD, minimal). */
export type BodyShape = "array" | "object" | "none";

export interface ReadStatement {
  /** FROM clause naming the rows, e.g. `"public"."notes" as "notes"`. */
  from: string;
  /** Quoted alias the rows are reached by. */
  alias: string;
  select: readonly SelectItem[];
  filters: readonly Filter[];
  order: readonly OrderTerm[];
  range: RowRange;
  count: boolean;
  body: BodyShape;
  stripNulls: boolean;
  /** For set-returning scalar functions: render each row as this column's value, not as an object. */
  valueColumn?: string;
}

/**
 * One statement answering a read as PostgREST does: the page rendered to JSON by Postgres itself (so bigint,
 * numeric, timestamptz… render exactly as PostgREST renders them), its row count, and the total when asked.
 * Columns: `total` (int8 or null), `page_total` (int8), `body` (text or null).
 */
export function buildReadStatement(statement: ReadStatement, parameters: SqlParameters): string {
  const where = renderWhere(statement.filters, statement.alias, parameters);
  const total = statement.count ? `(select count(*) from ${statement.from} ${where})::int8` : "null::int8";
  const limit = statement.range.limit === null ? "" : `limit ${statement.range.limit}`;
  const offset = statement.range.offset > 0 ? `offset ${statement.range.offset}` : "";
  const page = [
    `select ${renderSelectList(statement.select, statement.alias)} from ${statement.from}`,
    where,
    renderOrder(statement.order, statement.alias),
    limit,
    offset,
  ]
    .filter((part) => part !== "")
    .join(" ");
  return `select ${total} as total, count(*)::int8 as page_total, ${renderBody(statement.body, statement.stripNulls, statement.valueColumn)} as body from (${page}) as _pgrst_t`;
}

export interface MutationStatement {
  /** INSERT/UPDATE/DELETE on the target aliased as `alias`, without RETURNING. */
  mutation: string;
  alias: string;
  select: readonly SelectItem[];
  /** Whether the affected rows are sent back (`Prefer: return=representation`). */
  representation: boolean;
  body: BodyShape;
  stripNulls: boolean;
}

/**
 * A write and its answer in one statement. Without representation the write returns no columns, so RLS
 * SELECT policies are not asked (as with PostgREST's `return=minimal`).
 */
export function buildMutationStatement(statement: MutationStatement): string {
  if (!statement.representation) {
    return `with pgrst_source as (${statement.mutation} returning 1) select count(*)::int8 as total, count(*)::int8 as page_total, null::text as body from pgrst_source`;
  }
  const list = renderSelectList(statement.select, statement.alias);
  return `with pgrst_source as (${statement.mutation} returning ${statement.alias}.*) select count(*)::int8 as total, count(*)::int8 as page_total, ${renderBody(statement.body, statement.stripNulls)} as body from (select ${list} from pgrst_source as ${statement.alias}) as _pgrst_t`;
}

function renderBody(shape: BodyShape, stripNulls: boolean, valueColumn?: string): string {
  if (shape === "none") return "null::text";
  const row =
    valueColumn !== undefined
      ? `_pgrst_t.${valueColumn}`
      : stripNulls
        ? "json_strip_nulls(to_json(_pgrst_t))"
        : "_pgrst_t";
  if (shape === "object") return `(json_agg(${row}) -> 0)::text`;
  return `coalesce(json_agg(${row}), '[]')::text`;
}
