import { RestError } from "./RestError.ts";
import { readIdentifier, splitTopLevel } from "./readIdentifier.ts";

/** Parses a comma-separated column list (`columns`, `on_conflict`): `a,b` or `"a","b"`. */
export function parseColumnList(parameter: string, raw: string): string[] {
  return splitTopLevel(raw).map((part) => {
    const item = part.trim();
    const token = readIdentifier(item, 0);
    if (!token || token.end !== item.length)
      throw RestError.badParameter(`${parameter} parameter`, raw, `"${item}" is not a column name`);
    return token.name;
  });
}

/** A JSON key used as a column name: refused when Postgres could never have such a column. */
export function requireColumnName(key: string, table: string): string {
  if (key === "" || key.includes("\u0000")) {
    throw new RestError(400, {
      code: "PGRST204",
      message: `Could not find the '${key}' column of '${table}' in the schema cache`,
      details: null,
      hint: null,
    });
  }
  return key;
}
