import type { IncomingMessage } from "node:http";
import type { PendingQuery, Row, TransactionSql } from "postgres";
import type { ApiContext } from "../context.ts";
import type { RequestIdentity } from "./authenticateRestRequest.ts";

export interface RequestScope {
  identity: RequestIdentity;
  method: string;
  /** The path PostgREST sees (after the gateway strips `/rest/v1`), e.g. `/notes` or `/rpc/fn`. */
  path: string;
  headers: IncomingMessage["headers"];
  readOnly: boolean;
}

/** What a request's statements run on: one connection, inside the request's transaction. */
export type RequestSql = Pick<TransactionSql, "unsafe" | "typed">;

/** Ends the transaction with a rollback yet still answers `value` (single-row violations, `tx=rollback`). */
export type Rollback<T> = (value: T) => never;

/**
 * Commits right behind the statements already sent (pipelined, saving a round trip). Only for work whose answer
 * can no longer require a rollback once its last statement is sent; a failed statement still rolls back.
 */
export type CommitEarly = () => void;

class RollbackSignal extends Error {
  override readonly name = "RollbackSignal";
}

const setupStatement = `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
  set_config('request.method', $3, true), set_config('request.path', $4, true), set_config('request.headers', $5, true),
  set_config('request.cookies', '{}', true), set_config('search_path', 'public, extensions', true)`;

/**
 * Runs `work` in one transaction set up exactly as PostgREST sets it up: the JWT's role (`set local role`),
 * `request.jwt.claims`, `request.method`, `request.path`, `request.headers`, `request.cookies` and Supabase's
 * search path, all transaction-local; then commit (or rollback when `work` fails). RLS and grants decide what the
 * statements see. `begin` and the setup are pipelined with the first statement of `work` on one connection.
 */
export async function runAsRequestRole<T>(
  ctx: ApiContext,
  scope: RequestScope,
  work: (tx: RequestSql, rollback: Rollback<T>, commitEarly: CommitEarly) => Promise<T>,
): Promise<T> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(scope.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const state: { rolledBack: { value: T } | null; ending: Promise<unknown> | null } = {
    rolledBack: null,
    ending: null,
  };
  const connection = await ctx.sql.reserve();
  try {
    const begin = settle(connection.unsafe(scope.readOnly ? "begin read only" : "begin read write"));
    const setup = settle(
      connection.unsafe(
        setupStatement,
        [
          scope.identity.role,
          JSON.stringify(scope.identity.claims),
          scope.method,
          scope.path,
          JSON.stringify(headers),
        ],
        { prepare: true },
      ),
    );
    const end = (command: "commit" | "rollback") => {
      state.ending ??= settle(connection.unsafe(command));
      return state.ending;
    };
    const rollback: Rollback<T> = (value) => {
      state.rolledBack = { value };
      throw new RollbackSignal("rolled back on purpose");
    };
    let value: T;
    try {
      value = await work(connection, rollback, () => void end("commit"));
    } catch (error) {
      await end("rollback");
      // A failed begin or setup also fails what follows it: report that, the real cause.
      const setupError = (await begin) ?? (await setup);
      if (setupError !== null) throw setupError;
      if (error instanceof RollbackSignal && state.rolledBack !== null) return state.rolledBack.value;
      throw error;
    }
    const endError = await end("commit");
    const setupError = (await begin) ?? (await setup);
    if (setupError !== null) throw setupError;
    if (endError !== null) throw endError;
    return value;
  } finally {
    connection.release();
  }
}

/** Sends the query now and resolves with its error, or null when it succeeded. */
function settle(query: PendingQuery<Row[]>): Promise<unknown> {
  return query.then(
    () => null,
    (error: unknown) => error,
  );
}
