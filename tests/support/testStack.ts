import type { RouteHandler } from "../../packages/local/src/api/context.ts";
import { startApiServer } from "../../packages/local/src/api/startApiServer.ts";
import { createTestDatabase, type TestDatabase } from "./testDatabase.ts";

export interface TestStack {
  db: TestDatabase;
  /** e.g. http://127.0.0.1:43121 — give it to supabase-js as the project URL. */
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  close(): Promise<void>;
}

/**
 * The local Supabase API stand-in on a free port over a fresh migrated database (no Deno functions unless a
 * `functions` handler is given). For tests that drive it with supabase-js.
 */
export async function startTestStack(options: { functions?: RouteHandler } = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  const jwtSecret = "test-jwt-secret-with-at-least-32-characters";
  const api = await startApiServer({
    databaseUrl: db.url,
    jwtSecret,
    port: 0,
    functions: options.functions ?? null,
  });
  return {
    db,
    apiUrl: api.apiUrl,
    anonKey: api.anonKey,
    serviceRoleKey: api.serviceRoleKey,
    jwtSecret,
    async close() {
      await api.close();
      await db.drop();
    },
  };
}
