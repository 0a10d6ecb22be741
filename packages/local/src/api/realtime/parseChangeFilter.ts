/** The filter operators Realtime evaluates on postgres_changes (the subset of PostgREST's that realtime-js offers). */
export const filterOperators = [
  "eq",
  "neq",
  "lt",
  "lte",
  "gt",
  "gte",
  "in",
  "like",
  "ilike",
  "match",
  "imatch",
  "is",
  "isdistinct",
] as const;
export type FilterOperator = (typeof filterOperators)[number];

/** One `column=[not.]operator.value` condition; conditions of one filter are ANDed. */
export interface FilterCondition {
  column: string;
  operator: FilterOperator;
  /** The value as written (unquoted); a list for `in`; `null`/`true`/`false`/`unknown` for `is`. */
  value: string | string[];
  negated: boolean;
}

export type ParsedChangeFilter = { ok: true; conditions: FilterCondition[] } | { ok: false; message: string };

/**
 * Parses a postgres_changes `filter` as Supabase Realtime reads it: `column=operator.value` conditions joined by
 * commas outside quotes and parentheses (AND), an optional `not.` before the operator, PostgREST-style double
 * quotes around values holding `,()"\`, and `in.(a,b)` lists. An empty filter means no filter.
 */
export function parseChangeFilter(filter: string | null | undefined): ParsedChangeFilter {
  if (filter === null || filter === undefined || filter === "") return { ok: true, conditions: [] };
  const failure = {
    ok: false as const,
    message: `Error parsing \`filter\` params: ${JSON.stringify([filter])}`,
  };
  const conditions: FilterCondition[] = [];
  for (const part of splitOutsideQuotes(filter)) {
    const equals = part.indexOf("=");
    if (equals <= 0) return failure;
    const column = part.slice(0, equals);
    let expression = part.slice(equals + 1);
    const negated = expression.startsWith("not.");
    if (negated) expression = expression.slice("not.".length);
    const dot = expression.indexOf(".");
    if (dot <= 0) return failure;
    const operator = filterOperators.find((known) => known === expression.slice(0, dot));
    if (!operator) return failure;
    const raw = expression.slice(dot + 1);
    if (operator === "in") {
      if (!raw.startsWith("(") || !raw.endsWith(")")) return failure;
      const items = splitOutsideQuotes(raw.slice(1, -1)).map((item) => (item === "" ? null : unquote(item)));
      const values = items.filter((item) => item !== null);
      if (values.length === 0 || values.length < items.length) return failure;
      conditions.push({ column, operator, value: values, negated });
      continue;
    }
    const value = unquote(raw);
    if (value === null) return failure;
    if (operator === "is" && !["null", "true", "false", "unknown"].includes(value.toLowerCase()))
      return failure;
    conditions.push({ column, operator, value: operator === "is" ? value.toLowerCase() : value, negated });
  }
  return conditions.length > 0 ? { ok: true, conditions } : failure;
}

/** Describes conditions the way Supabase's error messages list them: `[{"col", "eq", "1", false}]`. */
export function describeFilterConditions(conditions: readonly FilterCondition[]): string {
  const described = conditions.map((condition) => {
    const value = Array.isArray(condition.value) ? `(${condition.value.join(",")})` : condition.value;
    return `{${JSON.stringify(condition.column)}, ${JSON.stringify(condition.operator)}, ${JSON.stringify(value)}, ${condition.negated}}`;
  });
  return `[${described.join(", ")}]`;
}

/** Splits on commas that are neither inside double quotes nor inside parentheses. */
function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted && char === "\\" && i + 1 < text.length) {
      current += char + text.charAt(i + 1);
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
    if (char === "," && !quoted && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** Removes PostgREST-style double quotes (`"a,b"`, with `\"` and `\\` escapes); null when unbalanced. */
function unquote(value: string): string | null {
  if (!value.startsWith('"')) return value.includes('"') ? null : value;
  if (value.length < 2 || !value.endsWith('"')) return null;
  let result = "";
  const inner = value.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const char = inner.charAt(i);
    if (char === "\\") {
      if (i + 1 >= inner.length) return null;
      result += inner.charAt(i + 1);
      i++;
      continue;
    }
    if (char === '"') return null;
    result += char;
  }
  return result;
}
