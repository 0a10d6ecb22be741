/**
 * Quoting for the SQL Realtime writes as text (one multi-statement simple query per change is several times
 * faster than pipelined prepared statements). Every value from outside goes through these, never raw.
 */

/** `"name"` with embedded quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'` (or `E'…'` when it holds backslashes), correct whatever `standard_conforming_strings` says. */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new RangeError("a SQL literal cannot hold a NUL character");
  const doubledQuotes = value.replaceAll("'", "''");
  return value.includes("\\") ? `E'${doubledQuotes.replaceAll("\\", "\\\\")}'` : `'${doubledQuotes}'`;
}

/** `'…'` or `null`, for nullable values. */
export function quoteNullableLiteral(value: string | null): string {
  return value === null ? "null" : quoteLiteral(value);
}

/** A composite (row) text literal `("v1",,"v3")` in the field order given; null fields stay empty. */
export function compositeText(fields: readonly (string | null)[]): string {
  return `(${fields.map((field) => (field === null ? "" : quoteElement(field))).join(",")})`;
}

/** An array text literal `{"a","b"}`. */
export function arrayText(items: readonly string[]): string {
  return `{${items.map(quoteElement).join(",")}}`;
}

function quoteElement(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
