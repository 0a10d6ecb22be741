/**
 * Quotes a Postgres identifier: wrapped in double quotes, inner quotes doubled. Whatever the name holds, the
 * result is one identifier, never SQL. Names with a NUL byte cannot exist in Postgres and are refused.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes("\u0000"))
    throw new RangeError("An identifier must be non-empty and hold no NUL byte");
  return `"${name.replaceAll('"', '""')}"`;
}
