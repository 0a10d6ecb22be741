import type { Filter } from "./parseFilter.ts";
import type { OrderTerm } from "./parseOrder.ts";
import type { SelectItem } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import type { SqlParameters } from "./SqlParameters.ts";

const comparisonSql = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "like",
  ilike: "ilike",
  match: "~",
  imatch: "~*",
  isdistinct: "is distinct from",
} as const;

const isSql = {
  null: "is null",
  not_null: "is not null",
  true: "is true",
  false: "is false",
  unknown: "is unknown",
} as const;

/** `where …` for PostgREST filters on `alias` (quoted); values are bound, never spliced. Empty when none. */
export function renderWhere(filters: readonly Filter[], alias: string, parameters: SqlParameters): string {
  if (filters.length === 0) return "";
  const conditions = filters.map((filter) => {
    const column = `${alias}.${quoteIdentifier(filter.column)}`;
    let condition: string;
    if (filter.operator === "in") {
      condition =
        filter.value.length === 0
          ? "false"
          : `${column} in (${filter.value.map((value) => parameters.bind(value)).join(", ")})`;
    } else if (filter.operator === "is") {
      condition = `${column} ${isSql[filter.value]}`;
    } else {
      condition = `${column} ${comparisonSql[filter.operator]} ${parameters.bind(filter.value)}`;
    }
    return filter.negate ? `not (${condition})` : condition;
  });
  return `where ${conditions.join(" and ")}`;
}

/** The select list for `alias`: `alias.*`, `alias."col"::type as "name"`. */
export function renderSelectList(items: readonly SelectItem[], alias: string): string {
  return items
    .map((item) => {
      if (item.kind === "star") return `${alias}.*`;
      const column = `${alias}.${quoteIdentifier(item.column)}${item.cast ? `::${item.cast}` : ""}`;
      return `${column} as ${quoteIdentifier(item.alias ?? item.column)}`;
    })
    .join(", ");
}

/** `order by …` on table columns of `alias` (qualified, so output aliases never shadow them). */
export function renderOrder(terms: readonly OrderTerm[], alias: string): string {
  if (terms.length === 0) return "";
  const rendered = terms.map((term) => {
    let sql = `${alias}.${quoteIdentifier(term.column)}`;
    if (term.direction) sql += ` ${term.direction}`;
    if (term.nulls) sql += ` nulls ${term.nulls}`;
    return sql;
  });
  return `order by ${rendered.join(", ")}`;
}
