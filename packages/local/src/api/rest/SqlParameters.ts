import type { ParameterOrJSON } from "postgres";
import type { RequestSql } from "./runAsRequestRole.ts";

/** Postgres's `unknown` type: a parameter declared so is typed by where it is used, like a quoted literal. */
const unknownType = 705;

/**
 * Values bound to a statement as `$1, $2, …`: the only way request values reach SQL. They are sent as text with
 * the `unknown` type, as PostgREST sends them, so Postgres converts them with the input function of whatever
 * they are compared to or cast to (and postgres.js applies none of its own JSON/boolean/date serializers).
 */
export class SqlParameters {
  readonly values: string[] = [];

  /** Binds a value and returns its placeholder. */
  bind(value: string): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The values as postgres.js parameters of type `unknown`. */
export function bindUntyped(tx: RequestSql, values: readonly string[]): ParameterOrJSON<never>[] {
  return values.map((value) => tx.typed(value, unknownType));
}
