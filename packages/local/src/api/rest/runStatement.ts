import { z } from "zod";
import type { RequestSql } from "./runAsRequestRole.ts";
import { bindUntyped } from "./SqlParameters.ts";

const countSchema = z.union([z.string(), z.number(), z.bigint()]).transform((value) => Number(value));
const statementRowSchema = z.object({
  total: countSchema.nullable(),
  page_total: countSchema,
  body: z.string().nullable(),
});

export interface StatementResult {
  /** Total matching rows when a count was asked for, else null. */
  total: number | null;
  /** Rows in this page (or affected by the write). */
  pageTotal: number;
  /** The response body as Postgres rendered it, or null. */
  body: string | null;
}

/** Runs a statement built by `buildReadStatement`/`buildMutationStatement` with its bound values. */
export async function runStatement(
  tx: RequestSql,
  text: string,
  values: readonly string[],
): Promise<StatementResult> {
  // execute() now, so the query is queued before anything the caller sends after this call (e.g. an early commit).
  const rows = await tx.unsafe(text, bindUntyped(tx, values), { prepare: true }).execute();
  const row = statementRowSchema.parse(rows[0]);
  return { total: row.total, pageTotal: row.page_total, body: row.body };
}
