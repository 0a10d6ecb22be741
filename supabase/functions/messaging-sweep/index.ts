import { getDatabase } from "../_shared/database.ts";
import { isDatabaseUnavailable } from "../_shared/databaseErrors.ts";
import { dispatchOutbox } from "../_shared/dispatchOutbox.ts";
import { readMessagingEnv } from "../_shared/env.ts";
import { respond } from "../_shared/errorResponses.ts";
import { jsonResponse } from "../_shared/jsonResponse.ts";
import { processInboundMessage } from "../_shared/processInboundMessage.ts";
import { readCaller } from "../_shared/readCaller.ts";

/**
 * Finishes what an interrupted instance left (woken every minute by the `messaging-sweep` schedule): sends whose
 * lease expired become "uncertain" for a human, lead messages stored but never qualified are qualified, and every
 * due outbound message (retries after backoff) is sent. Service role only.
 */
export async function handler(req: Request): Promise<Response> {
  if (req.method !== "POST") return respond.methodNotAllowed("POST");
  if (readCaller(req).kind !== "service") return respond.forbidden("The sweep runs with the service role");
  const env = readMessagingEnv();
  const sql = getDatabase(env.SUPABASE_DB_URL);
  try {
    const [expired] = await sql`select private.expire_outbound_leases() as count`;
    // Batches of 100 until none is left or 40 s have passed (the next tick takes over from there).
    let qualified = 0;
    const until = performance.now() + 40_000;
    while (performance.now() < until) {
      const pending = await sql`select private.unprocessed_inbound('30 seconds'::interval, 100) as id`;
      for (const row of pending) {
        const result = await processInboundMessage(sql, env, String(row.id));
        if (result.status === "applied") qualified++;
      }
      if (pending.length < 100) break;
    }
    const sent = await dispatchOutbox(sql, env, { channelId: null, waitMs: 5000 });
    return jsonResponse(200, { expired_leases: Number(expired?.count ?? 0), qualified, ...sent });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    console.error("[messaging-sweep]", error instanceof Error ? error.message : error);
    return respond.failed();
  }
}

if (import.meta.main) Deno.serve(handler);
