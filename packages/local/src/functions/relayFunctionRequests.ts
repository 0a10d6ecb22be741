import type { Sql } from "postgres";
import { z } from "zod";

const requestSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  body: z.unknown().optional(),
});

/**
 * Where Postgres has no pg_net (embedded Postgres), `private.request_function()` notifies the channel
 * `arqan_functions` instead of calling the function over HTTP; this relays each notification to the local
 * functions runtime with the service role key, as pg_net would on Supabase. One call per function at a time:
 * a slow sweep and the next tick never overlap.
 */
export async function relayFunctionRequests(
  sql: Sql,
  functionsUrl: string,
  serviceRoleKey: string,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const running = new Set<string>();
  // A request arriving while that function runs is not dropped: it runs once more right after.
  const again = new Map<string, unknown>();
  const subscription = await sql.listen("arqan_functions", (payload) => {
    let request: z.infer<typeof requestSchema>;
    try {
      request = requestSchema.parse(JSON.parse(payload));
    } catch {
      log(`[functions] ignored a malformed request notification`);
      return;
    }
    call(request.name, request.body ?? {});
  });
  function call(name: string, body: unknown): void {
    if (running.has(name)) {
      again.set(name, body);
      return;
    }
    running.add(name);
    fetch(`${functionsUrl}/${name}`, {
      method: "POST",
      headers: { authorization: `Bearer ${serviceRoleKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(async (response) => log(`[functions] ${name} → ${response.status} ${await response.text()}`))
      .catch((error: unknown) =>
        log(`[functions] ${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running.delete(name);
        if (again.has(name)) {
          const next = again.get(name);
          again.delete(name);
          call(name, next);
        }
      });
  }
  return { stop: () => subscription.unlisten() };
}
