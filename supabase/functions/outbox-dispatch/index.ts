import { holdsRole } from "@arqan/shared";
import { z } from "zod";
import { getDatabase } from "../_shared/database.ts";
import { isDatabaseUnavailable } from "../_shared/databaseErrors.ts";
import { dispatchOutbox } from "../_shared/dispatchOutbox.ts";
import { readMessagingEnv } from "../_shared/env.ts";
import { respond } from "../_shared/errorResponses.ts";
import { jsonResponse } from "../_shared/jsonResponse.ts";
import { readCaller } from "../_shared/readCaller.ts";
import { readJsonBody } from "../_shared/readJsonBody.ts";

const bodySchema = z.object({ lead_id: z.uuid().optional() });

/**
 * Sends queued messages now instead of at the next sweep: the dashboard calls it right after an operator's reply
 * is queued (for that lead's channels; the caller must be an operator of its workspace), the service role for all.
 */
export async function handler(req: Request): Promise<Response> {
  if (req.method !== "POST") return respond.methodNotAllowed("POST");
  const caller = readCaller(req);
  if (caller.kind === "anonymous") return respond.unauthorized("UNAUTHORIZED", "Sign in first");
  const read = await readJsonBody(req, bodySchema);
  if (!read.ok) {
    return read.malformed
      ? respond.badRequest("MALFORMED_JSON", "The body is not JSON")
      : respond.badRequest("INVALID_BODY", "Expected {lead_id}", z.flattenError(read.error));
  }
  const body = read.data;
  const env = readMessagingEnv();
  const sql = getDatabase(env.SUPABASE_DB_URL);
  try {
    let channelIds: (string | null)[] = [null];
    if (caller.kind === "user" || body.lead_id) {
      if (!body.lead_id) return respond.badRequest("INVALID_BODY", "lead_id is required");
      const rows = await sql`
        select distinct c.channel_id, m.role
        from public.leads l
        join public.conversations c on c.workspace_id = l.workspace_id and c.lead_id = l.id
        left join public.workspace_members m
          on m.workspace_id = l.workspace_id and m.user_id = ${caller.kind === "user" ? caller.userId : null}::uuid
        where l.id = ${body.lead_id}::uuid and c.channel_id is not null`;
      if (caller.kind === "user" && !rows.some((row) => holdsRole(row.role, "operator"))) {
        return respond.forbidden("Only the workspace's operators send messages to its leads");
      }
      channelIds = rows.map((row) => row.channel_id as string);
    }
    const total = { sent: 0, failed: 0, retrying: 0, uncertain: 0 };
    for (const channelId of channelIds) {
      const result = await dispatchOutbox(sql, env, { channelId, waitMs: 2000 });
      total.sent += result.sent;
      total.failed += result.failed;
      total.retrying += result.retrying;
      total.uncertain += result.uncertain;
    }
    return jsonResponse(200, total);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    console.error("[outbox-dispatch]", error instanceof Error ? error.message : error);
    return respond.failed();
  }
}

if (import.meta.main) Deno.serve(handler);
