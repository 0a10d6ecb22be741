import { RestError } from "./RestError.ts";
import { containsOutsideQuotes, readIdentifier, splitTopLevel } from "./readIdentifier.ts";

export interface OrderTerm {
  column: string;
  direction: "asc" | "desc" | null;
  nulls: "first" | "last" | null;
}

/** Parses `order=a.desc.nullslast,b` as PostgREST does; ordering by JSON paths or embedded columns is 501. */
export function parseOrder(raw: string | null): OrderTerm[] {
  if (raw === null || raw === "") return [];
  return splitTopLevel(raw).map((term) => parseOrderTerm(term, raw));
}

function parseOrderTerm(term: string, raw: string): OrderTerm {
  if (containsOutsideQuotes(term, "->")) throw RestError.unsupported(`Ordering by the JSON path \`${term}\``);
  if (containsOutsideQuotes(term, "("))
    throw RestError.unsupported(`Ordering by an embedded resource \`${term}\``);
  const token = readIdentifier(term, 0);
  if (!token) throw RestError.badParameter("order", raw, `Expected a column name in "${term}"`);
  const modifiers = term.slice(token.end);
  const match = /^(?:\.(asc|desc))?(?:\.(nullsfirst|nullslast))?$/.exec(modifiers);
  if (!match)
    throw RestError.badParameter(
      "order",
      raw,
      `Unexpected "${modifiers}": use .asc or .desc, then .nullsfirst or .nullslast`,
    );
  const direction = match[1] === "asc" || match[1] === "desc" ? match[1] : null;
  const nulls = match[2] === "nullsfirst" ? "first" : match[2] === "nullslast" ? "last" : null;
  return { column: token.name, direction, nulls };
}
