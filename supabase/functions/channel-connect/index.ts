import { holdsRole } from "@arqan/shared";
import { Api, GrammyError, HttpError } from "grammy";
import { z } from "zod";
import { getDatabase } from "../_shared/database.ts";
import { isDatabaseUnavailable } from "../_shared/databaseErrors.ts";
import { type MessagingEnv, readMessagingEnv } from "../_shared/env.ts";
import { respond } from "../_shared/errorResponses.ts";
import { jsonResponse } from "../_shared/jsonResponse.ts";
import { forgetChannel } from "../_shared/loadChannel.ts";
import { readCaller } from "../_shared/readCaller.ts";
import { readJsonBody } from "../_shared/readJsonBody.ts";

const common = {
  workspace_id: z.uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  niche_id: z.uuid().nullish(),
  campaign_id: z.uuid().nullish(),
};
const bodySchema = z.discriminatedUnion("provider", [
  z.object({
    ...common,
    provider: z.literal("telegram_bot"),
    token: z
      .string()
      .trim()
      .regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, "not a bot token"),
  }),
  z.object({
    ...common,
    provider: z.literal("waha"),
    api_base_url: z.url(),
    session: z.string().trim().min(1).max(100),
    api_key: z.string().trim().max(500).optional(),
    hmac_key: z.string().trim().min(16).max(500),
  }),
  z.object({
    ...common,
    provider: z.literal("whatsapp_cloud"),
    phone_number_id: z
      .string()
      .trim()
      .regex(/^\d{5,30}$/),
    access_token: z.string().trim().min(10).max(2000),
    app_secret: z.string().trim().min(10).max(500),
    verify_token: z.string().trim().min(8).max(200).optional(),
  }),
]);
type ConnectBody = z.infer<typeof bodySchema>;

const connectedSchema = z.object({ id: z.uuid() }).passthrough();

/** A random secret in Telegram's allowed alphabet (A–Z, a–z, 0–9, _ and -). */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

interface Webhook {
  url: string | null;
  set: boolean;
  reason: "set" | "no_public_url" | "register_in_provider" | "telegram_refused";
  local_url: string;
}

/**
 * Connects a Telegram bot (token pasted once: checked with getMe, a webhook secret generated, setWebhook called
 * with the function's public URL) or a WhatsApp number (WAHA or the Cloud API; its webhook is registered in the
 * provider's own settings with the URL answered here). Secrets are stored where only the service role reads them
 * and never returned. Operators and above only.
 */
export async function handler(req: Request): Promise<Response> {
  if (req.method !== "POST") return respond.methodNotAllowed("POST");
  const caller = readCaller(req);
  if (caller.kind !== "user") return respond.unauthorized("UNAUTHORIZED", "Sign in as a workspace operator");
  const read = await readJsonBody(req, bodySchema);
  if (!read.ok) {
    if (read.malformed) return respond.badRequest("MALFORMED_JSON", "The body is not JSON");
    return read.error.issues.some((issue) => issue.path[0] === "token")
      ? respond.badRequest("INVALID_TOKEN", "This is not a Telegram bot token (from @BotFather: 123456:ABC…)")
      : respond.badRequest("INVALID_BODY", "Some fields are missing or wrong", z.flattenError(read.error));
  }
  const body = read.data;
  const env = readMessagingEnv();
  const sql = getDatabase(env.SUPABASE_DB_URL);
  try {
    const [member] = await sql`
      select role from public.workspace_members
      where workspace_id = ${body.workspace_id}::uuid and user_id = ${caller.userId}::uuid`;
    if (!holdsRole(member?.role, "operator")) {
      return respond.forbidden("Only the workspace's operators connect channels");
    }
    return body.provider === "telegram_bot"
      ? await connectTelegram(sql, env, caller.userId, body)
      : await connectWhatsapp(sql, env, caller.userId, body);
  } catch (error) {
    if (error instanceof Error && /channel_in_use/.test(error.message)) {
      return jsonResponse(409, {
        code: "CHANNEL_IN_USE",
        message: "This bot is connected to another workspace",
      });
    }
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    console.error("[channel-connect]", error instanceof Error ? error.message : error);
    return respond.failed();
  }
}

async function connectTelegram(
  sql: ReturnType<typeof getDatabase>,
  env: MessagingEnv,
  userId: string,
  body: Extract<ConnectBody, { provider: "telegram_bot" }>,
): Promise<Response> {
  const api = new Api(body.token, { apiRoot: env.telegramApiRoot, timeoutSeconds: 10 });
  let me: Awaited<ReturnType<Api["getMe"]>>;
  try {
    me = await api.getMe();
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      return respond.badRequest("INVALID_TOKEN", "Telegram does not know this token");
    }
    if (error instanceof HttpError || error instanceof GrammyError) {
      return respond.unavailable("TELEGRAM_UNREACHABLE", "Telegram did not answer; try again");
    }
    throw error;
  }
  const secret = randomSecret();
  const channel = await saveChannel(sql, userId, {
    workspace_id: body.workspace_id,
    provider: "telegram_bot",
    external_id: String(me.id),
    name: body.name ?? me.first_name,
    username: me.username,
    niche_id: body.niche_id ?? null,
    campaign_id: body.campaign_id ?? null,
    status: "pending",
    // Telegram allows about one message a second per chat, measured when they arrive; pacing is measured when they
    // leave, so a tenth of a second covers the network's jitter (at exactly 1 000 ms a 429 came back now and then).
    per_chat_interval_ms: 1100,
    per_second_limit: 30,
    secrets: { bot_token: body.token, webhook_secret: secret },
  });
  const webhook = webhookFor(env, "telegram-webhook", channel.id);
  if (!webhook.url) return jsonResponse(200, { channel, webhook });
  try {
    await api.setWebhook(webhook.url, {
      secret_token: secret,
      allowed_updates: ["message", "callback_query"],
      max_connections: 40,
    });
  } catch (error) {
    const reason = error instanceof GrammyError ? error.description : "Telegram did not answer";
    await sql`select private.update_channel_status(${channel.id}::uuid, 'error', ${webhook.url}, ${reason})`;
    forgetChannel(channel.id);
    return jsonResponse(200, {
      channel: { ...channel, status: "error", last_error: reason },
      webhook: { ...webhook, set: false, reason: "telegram_refused" },
    });
  }
  await sql`select private.update_channel_status(${channel.id}::uuid, 'active', ${webhook.url}, null)`;
  forgetChannel(channel.id);
  return jsonResponse(200, {
    channel: { ...channel, status: "active", webhook_url: webhook.url },
    webhook: { ...webhook, set: true, reason: "set" },
  });
}

async function connectWhatsapp(
  sql: ReturnType<typeof getDatabase>,
  env: MessagingEnv,
  userId: string,
  body: Exclude<ConnectBody, { provider: "telegram_bot" }>,
): Promise<Response> {
  const channel =
    body.provider === "waha"
      ? await saveChannel(sql, userId, {
          workspace_id: body.workspace_id,
          provider: "waha",
          external_id: body.session,
          name: body.name ?? `WAHA ${body.session}`,
          api_base_url: body.api_base_url.replace(/\/+$/, ""),
          niche_id: body.niche_id ?? null,
          campaign_id: body.campaign_id ?? null,
          status: "active",
          per_chat_interval_ms: 1000,
          per_second_limit: 10,
          secrets: { api_key: body.api_key ?? null, hmac_key: body.hmac_key },
        })
      : await saveChannel(sql, userId, {
          workspace_id: body.workspace_id,
          provider: "whatsapp_cloud",
          external_id: body.phone_number_id,
          name: body.name ?? `WhatsApp ${body.phone_number_id}`,
          niche_id: body.niche_id ?? null,
          campaign_id: body.campaign_id ?? null,
          status: "active",
          per_chat_interval_ms: 1000,
          per_second_limit: 80,
          secrets: {
            access_token: body.access_token,
            app_secret: body.app_secret,
            verify_token: body.verify_token ?? randomSecret(),
          },
        });
  const webhook = webhookFor(env, "whatsapp-webhook", channel.id);
  if (webhook.url) {
    await sql`select private.update_channel_status(${channel.id}::uuid, 'active', ${webhook.url}, null)`;
  }
  forgetChannel(channel.id);
  return jsonResponse(200, {
    channel: { ...channel, webhook_url: webhook.url },
    webhook: { ...webhook, reason: webhook.url ? "register_in_provider" : "no_public_url" },
  });
}

async function saveChannel(
  sql: ReturnType<typeof getDatabase>,
  userId: string,
  input: Record<string, unknown>,
): Promise<z.infer<typeof connectedSchema>> {
  const [row] =
    await sql`select private.connect_channel(${userId}::uuid, ${sql.json(JSON.parse(JSON.stringify(input)))}) as channel`;
  return connectedSchema.parse(row?.channel);
}

function webhookFor(env: MessagingEnv, functionName: string, channelId: string): Webhook {
  const path = `/${functionName}/${channelId}`;
  return {
    url: env.publicFunctionsUrl ? `${env.publicFunctionsUrl}${path}` : null,
    set: false,
    reason: env.publicFunctionsUrl ? "register_in_provider" : "no_public_url",
    local_url: `${env.SUPABASE_URL.replace(/\/+$/, "")}/functions/v1${path}`,
  };
}
