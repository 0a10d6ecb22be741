import type { Sql } from "postgres";
import { dispatchOutbox } from "./dispatchOutbox.ts";
import type { MessagingEnv } from "./env.ts";
import { processInboundMessage } from "./processInboundMessage.ts";
import { runInBackground } from "./runInBackground.ts";

/**
 * Qualifies a stored lead message in the background (after the webhook's acknowledgement), then has the reply it
 * queued sent. Two lanes: qualification by rules is CPU and database work, one at a time per instance and at most
 * a third of the time while work waits (up to 16 at once with an LLM, whose wait is the network); sending mostly waits on the platform and on its rate limits, so it
 * never holds up qualification. The sweep redoes whatever a crash interrupts.
 */
export function qualifyInBackground(
  sql: Sql,
  env: MessagingEnv,
  messageId: string,
  hints: { text?: string | null; choice?: string | null } = {},
): void {
  runInBackground(
    "qualify",
    async () => {
      const processed = await processInboundMessage(sql, env, messageId, hints);
      if (processed.outboundId && processed.channelId) {
        const channelId = processed.channelId;
        runInBackground("send", () => dispatchOutbox(sql, env, { channelId }), { concurrency: 8 });
      }
    },
    { concurrency: env.llm ? 16 : 1, restRatio: 2 },
  );
}
