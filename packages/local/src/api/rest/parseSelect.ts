import { RestError } from "./RestError.ts";
import { containsOutsideQuotes, readIdentifier, splitTopLevel } from "./readIdentifier.ts";

export type SelectItem =
  | { kind: "star" }
  | { kind: "column"; column: string; alias: string | null; cast: string | null };

/** A cast PostgREST would pass to Postgres; only plain type names (optionally an array), emitted unquoted. */
const castPattern = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/;
const aggregatePattern = /(^|\.)(count|sum|avg|min|max)\(\)$/;

/**
 * Parses PostgREST's `select` parameter: `*`, `column`, `alias:column`, `column::type`. Embedding, spreads,
 * aggregates and JSON paths are refused with 501 (never silently dropped); anything else malformed is 400.
 * An absent parameter means `*`; an empty one selects no columns (rows render as `{}`, as PostgREST does).
 */
export function parseSelect(raw: string | null): SelectItem[] {
  if (raw === null) return [{ kind: "star" }];
  if (raw.trim() === "") return [];
  return splitTopLevel(raw).map((part) => parseSelectItem(part.trim(), raw));
}

function parseSelectItem(item: string, raw: string): SelectItem {
  if (item === "*") return { kind: "star" };
  if (item === "") throw RestError.badParameter("select parameter", raw, "An empty item between commas");
  if (item.startsWith("...")) throw RestError.unsupported(`The spread \`${item}\` in select`);
  if (containsOutsideQuotes(item, "(")) {
    if (aggregatePattern.test(item)) throw RestError.unsupported(`The aggregate \`${item}\` in select`);
    const head = item.slice(0, item.indexOf("("));
    throw RestError.unsupported(`Resource embedding \`${head}(...)\` in select`);
  }
  if (containsOutsideQuotes(item, "!"))
    throw RestError.unsupported(`Resource embedding \`${item}\` in select`);
  if (containsOutsideQuotes(item, "->")) throw RestError.unsupported(`The JSON path \`${item}\` in select`);

  const first = readIdentifier(item, 0);
  if (!first) throw RestError.badParameter("select parameter", raw, `Expected a column name in "${item}"`);
  let column = first.name;
  let alias: string | null = null;
  let position = first.end;
  if (item[position] === ":" && item[position + 1] !== ":") {
    const second = readIdentifier(item, position + 1);
    if (!second)
      throw RestError.badParameter("select parameter", raw, `Expected a column name after "${first.name}:"`);
    alias = first.name;
    column = second.name;
    position = second.end;
  }
  let cast: string | null = null;
  if (item.startsWith("::", position)) {
    const type = item.slice(position + 2);
    if (!castPattern.test(type))
      throw RestError.badParameter("select parameter", raw, `"${type}" is not a type name`);
    cast = type.toLowerCase();
    position = item.length;
  }
  if (position !== item.length) {
    throw RestError.badParameter(
      "select parameter",
      raw,
      `Unexpected "${item.slice(position)}" in "${item}"`,
    );
  }
  return { kind: "column", column, alias, cast };
}
