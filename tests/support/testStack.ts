import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { createApiKeys } from "../../packages/local/src/api/jwt.ts";
import { createApiServer } from "../../packages/local/src/api/createApiServer.ts";
import type { ApiContext, RouteHandler } from "../../packages/local/src/api/context.ts";
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
  const { anonKey, serviceRoleKey } = await createApiKeys(jwtSecret);
  const sql = postgres(db.url, { max: 10, onnotice: () => {} });
  const ctx: ApiContext = {
    sql,
    databaseUrl: db.url,
    jwtSecret,
    anonKey,
    serviceRoleKey,
    jwtExpirySeconds: 3600,
    apiUrl: "http://127.0.0.1",
    log: () => {},
  };
  const api = createApiServer(ctx, { functions: options.functions ?? null });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  const { port } = api.server.address() as AddressInfo;
  ctx.apiUrl = `http://127.0.0.1:${port}`;
  return {
    db,
    apiUrl: ctx.apiUrl,
    anonKey,
    serviceRoleKey,
    jwtSecret,
    async close() {
      await api.close();
      await sql.end({ timeout: 1 });
      await db.drop();
    },
  };
}
