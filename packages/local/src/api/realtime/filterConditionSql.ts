import type { FilterCondition } from "./parseChangeFilter.ts";
import { arrayText, quoteIdent, quoteLiteral } from "./quoteSql.ts";
import type { TableShape } from "./realtimeTypes.ts";

/** One filter condition as a boolean SQL expression over the typed row (NULL counts as not matching). */
export function conditionSql(condition: FilterCondition, shape: TableShape, row: string): string {
  if (!shape.columns.some((column) => column.name === condition.column)) return "false";
  const column = `(${row}).${quoteIdent(condition.column)}`;
  const type = sqlTypeOf(shape, condition.column);
  const value = condition.value;
  const scalar = (raw: string | string[]) =>
    `${quoteLiteral(Array.isArray(raw) ? raw.join(",") : raw)}::text::${type}`;
  const text = (raw: string | string[]) => quoteLiteral(Array.isArray(raw) ? raw.join(",") : raw);
  let expression: string;
  switch (condition.operator) {
    case "eq":
      expression = `${column} = ${scalar(value)}`;
      break;
    case "neq":
      expression = `${column} <> ${scalar(value)}`;
      break;
    case "lt":
      expression = `${column} < ${scalar(value)}`;
      break;
    case "lte":
      expression = `${column} <= ${scalar(value)}`;
      break;
    case "gt":
      expression = `${column} > ${scalar(value)}`;
      break;
    case "gte":
      expression = `${column} >= ${scalar(value)}`;
      break;
    case "isdistinct":
      expression = `${column} is distinct from ${scalar(value)}`;
      break;
    case "in":
      expression = `${column} = any(${quoteLiteral(arrayText(Array.isArray(value) ? value : [value]))}::text::${type}[])`;
      break;
    case "like":
      expression = `${column}::text like ${text(value)}`;
      break;
    case "ilike":
      expression = `${column}::text ilike ${text(value)}`;
      break;
    case "match":
      expression = `${column}::text ~ ${text(value)}`;
      break;
    case "imatch":
      expression = `${column}::text ~* ${text(value)}`;
      break;
    case "is":
      expression = `${column} is ${value === "null" ? "null" : value === "true" ? "true" : value === "false" ? "false" : "unknown"}`;
      break;
  }
  return condition.negated ? `coalesce(not (${expression}), false)` : `coalesce(${expression}, false)`;
}

/** The castable SQL type name of a column (`format_type`). */
export function sqlTypeOf(shape: TableShape, column: string): string {
  const found = shape.columns.find((candidate) => candidate.name === column);
  if (!found) throw new Error(`column ${column} is not in ${shape.schema}.${shape.table}`);
  return found.sqlType;
}
