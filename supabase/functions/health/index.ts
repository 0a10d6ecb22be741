import { getDatabase } from "../_shared/database.ts";
import { readFunctionEnv } from "../_shared/env.ts";
import { jsonResponse } from "../_shared/jsonResponse.ts";

/**
 * Reports whether the function runtime can reach the database: 200 when a query round-trips, 503 (so monitors
 * and load balancers retry elsewhere) when it cannot. Never reveals the connection string.
 */
export async function handler(req: Request): Promise<Response> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return jsonResponse(
      405,
      { code: "METHOD_NOT_ALLOWED", message: "health answers GET" },
      { allow: "GET, HEAD" },
    );
  }
  const env = readFunctionEnv();
  const started = performance.now();
  try {
    const rows = await getDatabase(
      env.SUPABASE_DB_URL,
    )`select current_setting('server_version_num')::int as version`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return jsonResponse(200, {
      status: "ok",
      database: { reachable: true, latency_ms: latencyMs, server_version_num: rows[0]?.version ?? null },
    });
  } catch {
    return jsonResponse(
      503,
      {
        status: "degraded",
        database: { reachable: false, code: "DATABASE_UNREACHABLE" },
      },
      { "retry-after": "5" },
    );
  }
}

if (import.meta.main) Deno.serve(handler);
