import { RestError } from "./RestError.ts";
import { containsOutsideQuotes, readIdentifier } from "./readIdentifier.ts";

export type ComparisonOperator =
  | "eq"
  | "neq"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "like"
  | "ilike"
  | "match"
  | "imatch"
  | "isdistinct";
export type IsValue = "null" | "not_null" | "true" | "false" | "unknown";

export type Filter =
  | { column: string; negate: boolean; operator: ComparisonOperator; value: string }
  | { column: string; negate: boolean; operator: "in"; value: string[] }
  | { column: string; negate: boolean; operator: "is"; value: IsValue };

const comparisonOperators = new Set<string>([
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "like",
  "ilike",
  "match",
  "imatch",
  "isdistinct",
]);
/** PostgREST operators the stand-in refuses with 501 rather than answering wrongly. */
const unsupportedOperators = new Set<string>([
  "cs",
  "cd",
  "ov",
  "sl",
  "sr",
  "nxr",
  "nxl",
  "adj",
  "fts",
  "plfts",
  "phfts",
  "wfts",
]);
const isValues = new Set<string>(["null", "not_null", "true", "false", "unknown"]);

/** Parses one horizontal filter, `column=[not.]operator.value`, as PostgREST reads it. */
export function parseFilter(key: string, raw: string): Filter {
  const column = parseFilterColumn(key);
  let rest = raw;
  let negate = false;
  if (rest.startsWith("not.")) {
    negate = true;
    rest = rest.slice(4);
  }
  const match = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest);
  if (!match)
    throw RestError.badParameter(
      "filter",
      `${key}=${raw}`,
      "Expected [not.]operator.value, e.g. eq.5 or in.(1,2)",
    );
  const [, operator = "", modifier, value = ""] = match;
  if (unsupportedOperators.has(operator)) throw RestError.unsupported(`The \`${operator}\` filter operator`);
  if (modifier !== undefined)
    throw RestError.unsupported(`The operator modifier \`${operator}(${modifier})\``);
  if (operator === "in") return { column, negate, operator, value: parseList(value, `${key}=${raw}`) };
  if (operator === "is") {
    const lowered = value.toLowerCase();
    if (!isIsValue(lowered)) {
      throw RestError.badParameter(
        "filter",
        `${key}=${raw}`,
        "is accepts null, not_null, true, false or unknown",
      );
    }
    return { column, negate, operator, value: lowered };
  }
  if (!isComparisonOperator(operator)) {
    throw RestError.badParameter("filter", `${key}=${raw}`, `Unknown operator "${operator}"`);
  }
  const pattern = operator === "like" || operator === "ilike" ? value.replaceAll("*", "%") : value;
  return { column, negate, operator, value: pattern };
}

function isIsValue(value: string): value is IsValue {
  return isValues.has(value);
}

function isComparisonOperator(value: string): value is ComparisonOperator {
  return comparisonOperators.has(value);
}

function parseFilterColumn(key: string): string {
  if (containsOutsideQuotes(key, "->")) throw RestError.unsupported(`The JSON path filter \`${key}\``);
  const token = readIdentifier(key, 0);
  if (token && token.end === key.length) return token.name;
  if (containsOutsideQuotes(key, "."))
    throw RestError.unsupported(`The filter on an embedded resource \`${key}\``);
  throw RestError.badParameter("filter", key, `"${key}" is not a column name`);
}

/** Parses `(a,b,"c,d")`: PostgREST's list value, double quotes protecting commas and parentheses. */
function parseList(value: string, raw: string): string[] {
  if (!value.startsWith("(") || !value.endsWith(")")) {
    throw RestError.badParameter("filter", raw, "in expects a parenthesised list, e.g. in.(1,2,3)");
  }
  const inner = value.slice(1, -1);
  if (inner === "") return [];
  const items: string[] = [];
  let index = 0;
  for (;;) {
    let item = "";
    if (inner[index] === '"') {
      index++;
      for (; index < inner.length && inner[index] !== '"'; index++) {
        if (inner[index] === "\\" && index + 1 < inner.length) index++;
        item += inner[index];
      }
      if (inner[index] !== '"') throw RestError.badParameter("filter", raw, "Unterminated quoted value");
      index++;
    } else {
      for (; index < inner.length && inner[index] !== ","; index++) item += inner[index];
    }
    items.push(item);
    if (index >= inner.length) return items;
    if (inner[index] !== ",")
      throw RestError.badParameter("filter", raw, "Expected a comma between list values");
    index++;
  }
}
