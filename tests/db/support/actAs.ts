import postgres, { type Sql, type TransactionSql } from "postgres";

/** Who a statement runs as: a Postgres role and, for signed-in users, the JWT subject. */
export interface Actor {
  role: "anon" | "authenticated" | "service_role";
  /** auth.users id of a signed-in user; absent for anon and service_role. */
  userId?: string;
}

/** A signed-in user as an actor. */
export function asUser(userId: string): Actor {
  return { role: "authenticated", userId };
}

/** What Postgres answered: rows (selected or affected), or an error with its SQLSTATE. */
export type Outcome = { kind: "rows"; count: number } | { kind: "error"; code: string; message: string };

class Rollback extends Error {}

/**
 * Runs `work` as PostgREST runs a request: in a transaction, `set local role`, the JWT claims in
 * `request.jwt.claims`, so privileges and RLS decide. The transaction is always rolled back, so every call sees
 * the same data. Errors of `work` propagate.
 */
export async function asActorRolledBack<T>(
  sql: Sql,
  actor: Actor,
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  const answers: T[] = [];
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`set local role ${actor.role}`);
      const claims = JSON.stringify(
        actor.userId ? { sub: actor.userId, role: actor.role } : { role: actor.role },
      );
      await tx`select set_config('request.jwt.claims', ${claims}, true)`;
      answers.push(await work(tx));
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (answers.length === 0) throw new Error("asActorRolledBack: the work produced no answer");
  return answers[0]!;
}

/** Runs one statement as the actor (rolled back) and reports how many rows it returned or touched, or its error. */
export function actAs(
  sql: Sql,
  actor: Actor,
  statement: (tx: TransactionSql) => Promise<{ count: number }>,
): Promise<Outcome> {
  return asActorRolledBack(sql, actor, async (tx): Promise<Outcome> => {
    try {
      const result = await statement(tx);
      return { kind: "rows", count: result.count };
    } catch (error) {
      if (!(error instanceof postgres.PostgresError)) throw error;
      return { kind: "error", code: error.code, message: error.message };
    }
  });
}

/** Describes an outcome in words for assertion messages. */
export function describeOutcome(outcome: Outcome): string {
  return outcome.kind === "rows" ? `${outcome.count} row(s)` : `error ${outcome.code}: ${outcome.message}`;
}
