import { z } from "zod";
import { classifyQueryFailure } from "./classifyQueryFailure.ts";
import { DashboardQueryError } from "./DashboardQueryError.ts";

/** The shape of a PostgREST answer that matters for error handling. */
export interface PostgrestAnswer {
  error: { code?: string; message: string } | null;
  status: number;
}

/** Throws a `DashboardQueryError` saying what to do when PostgREST answered with an error. */
export function throwIfFailed(query: string, answer: PostgrestAnswer): void {
  if (answer.error === null) return;
  const action = classifyQueryFailure(answer.status, answer.error.code || undefined);
  throw new DashboardQueryError(query, action, `${answer.status} ${answer.error.message}`, {
    cause: answer.error,
  });
}

/** Parses what the server sent with `schema`; a mismatch is a `malformed` failure (version mismatch). */
export function parseAnswer<T>(query: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new DashboardQueryError(
      query,
      "malformed",
      `unexpected answer from the server: ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
