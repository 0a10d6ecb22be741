import type { Sql } from "postgres";
import { dispatchOutbox } from "./dispatchOutbox.ts";
import type { MessagingEnv } from "./env.ts";
import { processInboundMessage } from "./processInboundMessage.ts";

/**
 * After a lead's message is stored and acknowledged: qualify it, then send the reply it queued (and anything
 * else due on that channel). Runs in the background; the sweep redoes whatever a crash interrupts.
 */
export async function qualifyAndReply(
  sql: Sql,
  env: MessagingEnv,
  messageId: string,
  hints: { text?: string | null; choice?: string | null } = {},
): Promise<void> {
  const processed = await processInboundMessage(sql, env, messageId, hints);
  if (processed.outboundId && processed.channelId) {
    await dispatchOutbox(sql, env, { channelId: processed.channelId });
  }
}
