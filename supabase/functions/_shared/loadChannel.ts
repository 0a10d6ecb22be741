import type { Sql } from "postgres";
import { z } from "zod";

/** A connected bot or WhatsApp number with its secrets, as the webhooks and the sender need it. */
export const channelSchema = z.object({
  id: z.uuid(),
  workspace_id: z.uuid(),
  provider: z.enum(["telegram_bot", "waha", "whatsapp_cloud"]),
  platform: z.enum(["telegram", "whatsapp"]),
  name: z.string().nullish(),
  external_id: z.string(),
  username: z.string().nullable(),
  api_base_url: z.string().nullable(),
  status: z.string(),
  per_chat_interval_ms: z.number().int(),
  per_second_limit: z.number().int(),
  secrets: z
    .object({
      bot_token: z.string().nullish(),
      webhook_secret: z.string().nullish(),
      api_key: z.string().nullish(),
      hmac_key: z.string().nullish(),
      access_token: z.string().nullish(),
      app_secret: z.string().nullish(),
      verify_token: z.string().nullish(),
    })
    .nullish()
    .transform((secrets) => secrets ?? {}),
});
export type Channel = z.infer<typeof channelSchema>;

const cacheMs = 30_000;
const cache = new Map<string, { channel: Channel | null; at: number }>();

/**
 * The channel a webhook route names, or null when unknown or disabled. Kept for 30 s per instance: a webhook
 * burst costs one lookup, and a disconnected bot stops being served within half a minute.
 */
export async function loadChannel(sql: Sql, channelId: string): Promise<Channel | null> {
  const hit = cache.get(channelId);
  if (hit && performance.now() - hit.at < cacheMs) return hit.channel;
  const [row] = await sql`select private.get_channel_for_webhook(${channelId}::uuid) as channel`;
  const channel = row?.channel ? channelSchema.parse(row.channel) : null;
  cache.set(channelId, { channel, at: performance.now() });
  return channel;
}

/** Forgets a cached channel (after connecting or changing it). */
export function forgetChannel(channelId: string): void {
  cache.delete(channelId);
}
