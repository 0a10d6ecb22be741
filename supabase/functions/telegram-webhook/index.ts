import { Bot, webhookCallback } from "grammy";
import { constantTimeEqual } from "../_shared/constantTimeEqual.ts";
import { getDatabase } from "../_shared/database.ts";
import { isDatabaseUnavailable } from "../_shared/databaseErrors.ts";
import { readMessagingEnv } from "../_shared/env.ts";
import { respond } from "../_shared/errorResponses.ts";
import type { InboundMessage } from "../_shared/inboundMessage.ts";
import { ingestInboundMessage } from "../_shared/ingestInboundMessage.ts";
import { type Channel, loadChannel } from "../_shared/loadChannel.ts";
import { qualifyInBackground } from "../_shared/qualifyAndReply.ts";
import { readTelegramCallback, readTelegramMessage } from "../_shared/readTelegramUpdate.ts";
import { channelIdFromPath } from "../_shared/routeParameter.ts";
import { runInBackground } from "../_shared/runInBackground.ts";

const secretHeader = "x-telegram-bot-api-secret-token";

type Callback = (req: Request) => Promise<Response>;
const callbacks = new Map<string, { secret: string; token: string; callback: Callback }>();

/**
 * One grammY bot per connected channel, answering through `webhookCallback(bot, "std/http", { secretToken })`.
 * Its middleware stores each lead message (the acknowledgement waits for that) and leaves qualification and the
 * reply to the background.
 */
function callbackFor(channel: Channel, secret: string, token: string): Callback {
  const cached = callbacks.get(channel.id);
  if (cached && cached.secret === secret && cached.token === token) return cached.callback;
  const env = readMessagingEnv();
  const sql = getDatabase(env.SUPABASE_DB_URL);
  const botId = Number(channel.external_id);
  const bot = new Bot(token, {
    client: { apiRoot: env.telegramApiRoot },
    botInfo: {
      id: botId,
      is_bot: true,
      first_name: channel.name ?? channel.username ?? "Arqan",
      username: channel.username ?? `bot${botId}`,
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
  });
  const store = async (message: InboundMessage | null, after?: () => Promise<unknown>) => {
    if (!message) return;
    const stored = await ingestInboundMessage(sql, channel.id, message);
    if (stored.status === "stored") {
      qualifyInBackground(sql, env, stored.message_id, { text: message.text, choice: message.choice });
    }
    if (after) runInBackground("telegram", after, { concurrency: 8 });
  };
  bot.on("message", (ctx) => store(readTelegramMessage(botId, ctx.message)));
  bot.on("callback_query:data", (ctx) =>
    store(readTelegramCallback(botId, ctx.callbackQuery), () => ctx.answerCallbackQuery()),
  );
  // Everything else (edits, reactions, member updates…) is acknowledged and ignored, or Telegram redelivers it.
  const callback = webhookCallback(bot, "std/http", { secretToken: secret, timeoutMilliseconds: 9000 });
  callbacks.set(channel.id, { secret, token, callback });
  return callback;
}

export async function handler(req: Request): Promise<Response> {
  if (req.method !== "POST") return respond.methodNotAllowed("POST");
  const channelId = channelIdFromPath(req.url, "telegram-webhook");
  if (!channelId) return respond.notFound("UNKNOWN_BOT", "No bot at this address");
  const env = readMessagingEnv();
  let channel: Channel | null;
  try {
    channel = await loadChannel(getDatabase(env.SUPABASE_DB_URL), channelId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    throw error;
  }
  if (channel?.provider !== "telegram_bot") return respond.notFound("UNKNOWN_BOT", "No bot at this address");
  const secret = channel.secrets.webhook_secret;
  const token = channel.secrets.bot_token;
  if (!secret || !token) return respond.notFound("UNKNOWN_BOT", "The bot is not connected");
  if (!constantTimeEqual(req.headers.get(secretHeader) ?? "", secret)) {
    return respond.unauthorized("INVALID_SECRET", "Missing or wrong secret token");
  }
  const raw = await req.text();
  let update: unknown;
  try {
    update = JSON.parse(raw);
  } catch {
    return respond.badRequest("MALFORMED_JSON", "The body is not JSON");
  }
  if (
    typeof update !== "object" ||
    update === null ||
    !Number.isSafeInteger((update as { update_id?: unknown }).update_id)
  ) {
    return respond.badRequest("INVALID_UPDATE", "The body is not a Telegram Update");
  }
  try {
    return await callbackFor(
      channel,
      secret,
      token,
    )(new Request(req.url, { method: "POST", headers: req.headers, body: raw }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    console.error("[telegram-webhook]", error instanceof Error ? error.message : error);
    return respond.failed();
  }
}

if (import.meta.main) Deno.serve(handler);
