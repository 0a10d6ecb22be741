import postgres from "postgres";
import { RestError } from "./RestError.ts";

/**
 * Turns a database error into PostgREST's answer: its HTTP status mapping (see PostgREST's `Error.hs`) and
 * `{code, message, details, hint}` straight from Postgres. `anonymous` picks 401 over 403 for 42501.
 * Returns null for errors that are not Postgres errors.
 */
export function mapPostgresError(error: unknown, anonymous: boolean): RestError | null {
  if (error instanceof postgres.PostgresError) {
    const status = statusForSqlState(error.code, error.message, anonymous);
    return new RestError(
      status,
      { code: error.code, message: error.message, details: error.detail ?? null, hint: error.hint ?? null },
      status === 401 ? { "www-authenticate": "Bearer" } : {},
    );
  }
  if (isConnectionError(error)) {
    return new RestError(503, {
      code: "PGRST001",
      message: "Database connection error. Retrying the connection.",
      details: null,
      hint: "The database is not reachable; retry shortly.",
    });
  }
  return null;
}

function statusForSqlState(code: string, message: string, anonymous: boolean): number {
  const exact: Record<string, number> = {
    "23503": 409,
    "23505": 409,
    "25006": 405,
    "53400": 500,
    "57P01": 503,
    P0001: 400,
    "42883": 404,
    "42P01": 404,
    "42P17": 500,
  };
  if (code === "42501") return anonymous ? 401 : 403;
  if (code === "21000") return message.endsWith("requires a WHERE clause") ? 400 : 500;
  const known = exact[code];
  if (known !== undefined) return known;
  if (code.startsWith("PT")) {
    const custom = Number(code.slice(2));
    return Number.isInteger(custom) && custom >= 100 && custom <= 599 ? custom : 500;
  }
  const prefixes: Array<[string, number]> = [
    ["08", 503],
    ["09", 500],
    ["0L", 403],
    ["0P", 403],
    ["25", 500],
    ["28", 403],
    ["2D", 500],
    ["38", 500],
    ["39", 500],
    ["3B", 500],
    ["40", 500],
    ["53", 503],
    ["54", 500],
    ["55", 500],
    ["57", 500],
    ["58", 500],
    ["F0", 500],
    ["HV", 500],
    ["P0", 500],
    ["XX", 500],
  ];
  for (const [prefix, status] of prefixes) if (code.startsWith(prefix)) return status;
  return 400;
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return false;
  return [
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
  ].includes(error.code);
}
