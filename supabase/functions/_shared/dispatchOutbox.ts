import type { Sql } from "postgres";
import { z } from "zod";
import type { MessagingEnv } from "./env.ts";
import { loadChannel } from "./loadChannel.ts";
import { SendFailure } from "./sendFailure.ts";
import { sendTelegramMessage } from "./sendTelegramMessage.ts";
import { sendWhatsappMessage } from "./sendWhatsappMessage.ts";

const claimedSchema = z.object({
  id: z.uuid(),
  conversation_id: z.uuid(),
  channel_id: z.uuid(),
  text: z.string(),
  reply_markup: z
    .array(z.object({ value: z.string(), label: z.string() }))
    .nullish()
    .transform((options) => options ?? null),
  external_chat_id: z.string(),
});
type Claimed = z.infer<typeof claimedSchema>;

export interface DispatchResult {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
}

interface Flight {
  promise: Promise<DispatchResult>;
  /** Set when more work was announced while the flight ran: it claims again before it lands. */
  again: boolean;
}
const flights = new Map<string, Flight>();

/**
 * Sends what the outbox has due, as fast as the platforms allow and no faster: `private.claim_outbound` hands
 * out at most one message per chat per interval and the channel's per-second share, so concurrent instances
 * cannot exceed Telegram's or WhatsApp's limits together. One flight per channel per instance: a call while one
 * runs joins it (and makes it look again) instead of polling the database beside it. Keeps claiming while
 * messages are due within `waitMs` (a chat's next message after its interval, a short `retry_after`), then
 * leaves the rest to the sweep.
 */
export function dispatchOutbox(
  sql: Sql,
  env: MessagingEnv,
  scope: { channelId?: string | null; waitMs?: number } = {},
): Promise<DispatchResult> {
  const key = scope.channelId ?? "*";
  const running = flights.get(key);
  if (running) {
    running.again = true;
    return running.promise;
  }
  const flight: Flight = { again: false, promise: Promise.resolve(emptyResult()) };
  flight.promise = runFlight(sql, env, scope.channelId ?? null, scope.waitMs ?? 3000, flight).finally(() =>
    flights.delete(key),
  );
  flights.set(key, flight);
  return flight.promise;
}

function emptyResult(): DispatchResult {
  return { sent: 0, failed: 0, retrying: 0, uncertain: 0 };
}

async function runFlight(
  sql: Sql,
  env: MessagingEnv,
  channelId: string | null,
  waitMs: number,
  flight: Flight,
): Promise<DispatchResult> {
  const result = emptyResult();
  let deadline = performance.now() + waitMs;
  for (;;) {
    flight.again = false;
    const rows = await sql`select private.claim_outbound(${channelId}::uuid, 50, 30) as claimed`;
    const claimed = rows.map((row) => claimedSchema.parse(row.claimed));
    const retryingBefore = result.retrying;
    await Promise.all(claimed.map((message) => sendOne(sql, env, message, result)));
    // A platform that asked to wait a moment (429 retry_after) is waited for here, not left to the next sweep.
    if (result.retrying > retryingBefore) deadline = Math.max(deadline, performance.now() + 10_000);
    if (claimed.length > 0 || flight.again) {
      if (flight.again) deadline = performance.now() + waitMs;
      continue;
    }
    const [next] = await sql`
      select extract(epoch from (min(next_attempt_at) - now())) * 1000 as due_in_ms, count(*)::int as pending
      from public.outbound_messages
      where status = 'pending' and (${channelId}::uuid is null or channel_id = ${channelId}::uuid)`;
    if (!next || next.pending === 0) return result;
    const remaining = deadline - performance.now();
    const dueIn = Math.max(Number(next.due_in_ms ?? 0), 0);
    if (remaining <= 0 || dueIn > remaining) return result;
    // Due now but held back by a chat's interval or the channel's per-second share: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(dueIn, 100), 250)));
  }
}

async function sendOne(sql: Sql, env: MessagingEnv, message: Claimed, result: DispatchResult): Promise<void> {
  try {
    const channel = await loadChannel(sql, message.channel_id);
    if (!channel) throw new SendFailure("permanent", "The channel is disconnected");
    let sent: { id: string };
    if (channel.provider === "telegram_bot") {
      const token = channel.secrets.bot_token;
      if (!token) throw new SendFailure("permanent", "The bot has no token");
      sent = await sendTelegramMessage(
        { token, apiRoot: env.telegramApiRoot, chatId: message.external_chat_id },
        message.text,
        message.reply_markup,
      );
    } else {
      // A Cloud API row past the 24-hour window never gets here: claim_outbound fails it and flags the chat.
      sent = await sendWhatsappMessage(
        env,
        channel,
        message.external_chat_id,
        message.text,
        message.reply_markup,
      );
    }
    await sql`select private.complete_outbound(${message.id}::uuid, ${sent.id})`;
    result.sent++;
  } catch (error) {
    const failure =
      error instanceof SendFailure ? error : new SendFailure("uncertain", "Unexpected error while sending");
    if (!(error instanceof SendFailure))
      console.error("[outbox]", error instanceof Error ? error.message : error);
    switch (failure.kind) {
      case "retry":
        await sql`select private.fail_outbound(${message.id}::uuid, ${failure.message}, ${failure.retryAfterSeconds}::int, false)`;
        result.retrying++;
        return;
      case "permanent":
        await sql`select private.fail_outbound(${message.id}::uuid, ${failure.message}, null::int, true)`;
        result.failed++;
        return;
      case "outside_window":
        await sql`select private.fail_outbound(${message.id}::uuid, ${failure.message}, null::int, true)`;
        await sql`select private.flag_conversation(${message.conversation_id}::uuid, 'template_required')`;
        result.failed++;
        return;
      case "uncertain":
        // Left "sending": when its lease runs out the sweep marks it uncertain for a human; never resent.
        result.uncertain++;
        return;
    }
  }
}
