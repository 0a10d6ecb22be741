import type { AddressInfo } from "node:net";
import postgres, { type Sql } from "postgres";
import type { ApiContext, RouteHandler } from "./context.ts";
import { createApiServer } from "./createApiServer.ts";
import { createApiKeys } from "./jwt.ts";

export interface StartApiServerOptions {
  databaseUrl: string;
  jwtSecret: string;
  /** 0 = any free port. */
  port: number;
  /** A pool to use; when absent one of `poolSize` connections is opened and closed with the server. */
  sql?: Sql;
  poolSize?: number;
  /** The `/functions/v1` proxy, or null when functions are not running. */
  functions?: RouteHandler | null;
  log?: (line: string) => void;
  /** The API keys when the caller derived them already (they follow from `jwtSecret` alone). */
  keys?: { anonKey: string; serviceRoleKey: string };
}

export interface RunningApiServer {
  /** e.g. http://127.0.0.1:54321 */
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  close(): Promise<void>;
}

/** The local Supabase API stand-in listening on 127.0.0.1, with the project's API keys derived from its secret. */
export async function startApiServer(options: StartApiServerOptions): Promise<RunningApiServer> {
  const { anonKey, serviceRoleKey } = options.keys ?? (await createApiKeys(options.jwtSecret));
  const ownPool = options.sql === undefined;
  const sql =
    options.sql ?? postgres(options.databaseUrl, { max: options.poolSize ?? 10, onnotice: () => {} });
  const ctx: ApiContext = {
    sql,
    databaseUrl: options.databaseUrl,
    jwtSecret: options.jwtSecret,
    anonKey,
    serviceRoleKey,
    jwtExpirySeconds: 3600,
    apiUrl: `http://127.0.0.1:${options.port}`,
    log: options.log ?? (() => {}),
  };
  const api = createApiServer(ctx, { functions: options.functions ?? null });
  await new Promise<void>((resolve, reject) => {
    api.server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${options.port} is already in use`) : error);
    });
    api.server.listen(options.port, "127.0.0.1", () => resolve());
  });
  ctx.apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  return {
    apiUrl: ctx.apiUrl,
    anonKey,
    serviceRoleKey,
    async close() {
      await api.close();
      if (ownPool) await sql.end({ timeout: 1 });
    },
  };
}
