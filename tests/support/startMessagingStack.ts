import type { Sql } from "postgres";
import { createAuthUser } from "../../packages/local/src/api/auth/createAuthUser.ts";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import {
  lateFunctionsRoute,
  proxyProjectFunctions,
} from "../../packages/local/src/functions/createFunctionsProxy.ts";
import { relayFunctionRequests } from "../../packages/local/src/functions/relayFunctionRequests.ts";
import {
  type EdgeFunctionsHandle,
  startEdgeFunctions,
} from "../../packages/local/src/functions/startEdgeFunctions.ts";
import type { TestDatabase } from "./testDatabase.ts";
import { startTestStack } from "./testStack.ts";

export interface MessagingStack {
  db: TestDatabase;
  sql: Sql;
  /** The stand-in's URL; functions are at `${apiUrl}/functions/v1/<name>`, behind the JWT gateway. */
  apiUrl: string;
  functionsUrl: string;
  serviceRoleKey: string;
  anonKey: string;
  jwtSecret: string;
  workspaceId: string;
  operator: { id: string; email: string; password: string; jwt: string };
  viewer: { id: string; jwt: string };
  /** Calls a function through the gateway as the operator (or with the given bearer). */
  invoke(name: string, body: unknown, bearer?: string): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * A fresh database, the API stand-in with its functions gateway and the real Edge Functions under Deno, whose
 * external services point at the given fakes. One workspace with an operator and a viewer.
 */
export async function startMessagingStack(functionsEnv: Record<string, string>): Promise<MessagingStack> {
  const late = lateFunctionsRoute();
  const stand = await startTestStack({ functions: late.route });
  const { db, apiUrl, jwtSecret } = stand;
  let functions: EdgeFunctionsHandle;
  try {
    functions = await startEdgeFunctions({
      SUPABASE_URL: apiUrl,
      SUPABASE_DB_URL: db.url,
      SUPABASE_ANON_KEY: stand.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: stand.serviceRoleKey,
      ARQAN_PUBLIC_FUNCTIONS_URL: `${apiUrl}/functions/v1`,
      ...functionsEnv,
    });
    late.attach(await proxyProjectFunctions(functions.url, jwtSecret));
  } catch (error) {
    await stand.close();
    throw error;
  }
  const sql = db.sql;
  // As `npm start` does: private.request_function() wakes a function through NOTIFY where pg_net is absent.
  const relay = await relayFunctionRequests(sql, functions.url, stand.serviceRoleKey, () => {});
  const email = `operator-${Date.now()}@arqan.test`;
  const password = "operator-password-2026";
  const operatorId = await createAuthUser(sql, { email, password });
  const viewerId = await createAuthUser(sql, { email: `viewer-${Date.now()}@arqan.test`, password });
  const [workspace] = await sql`
    insert into public.workspaces (name, slug) values ('Тест: Алматы', ${`test-${Date.now()}`}) returning id`;
  const workspaceId = String(workspace?.id);
  await sql`
    insert into public.workspace_members (workspace_id, user_id, role)
    values (${workspaceId}, ${operatorId}, 'operator'), (${workspaceId}, ${viewerId}, 'viewer')`;
  const userJwt = (id: string) =>
    signJwt({ sub: id, role: "authenticated", aud: "authenticated", email }, jwtSecret, 3600);
  const operatorJwt = await userJwt(operatorId);
  const functionsUrl = `${apiUrl}/functions/v1`;
  return {
    db,
    sql,
    apiUrl,
    functionsUrl,
    serviceRoleKey: stand.serviceRoleKey,
    anonKey: stand.anonKey,
    jwtSecret,
    workspaceId,
    operator: { id: operatorId, email, password, jwt: operatorJwt },
    viewer: { id: viewerId, jwt: await userJwt(viewerId) },
    invoke: (name, body, bearer = operatorJwt) =>
      fetch(`${functionsUrl}/${name}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${bearer}`,
          "content-type": "application/json",
          apikey: stand.anonKey,
        },
        body: JSON.stringify(body),
      }),
    async stop() {
      await relay.stop();
      await functions.stop();
      await stand.close();
    },
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs` saying what it waited for. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  // Generous: on a loaded 2-core CI machine the background qualification and the paced outbox take seconds.
  timeoutMs = 25_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
