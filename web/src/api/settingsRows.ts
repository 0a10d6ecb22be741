import { z } from "zod";
import { idSchema, timestampSchema } from "./rows.ts";

export const channelProviders = ["telegram_bot", "waha", "whatsapp_cloud"] as const;
export const channelProviderSchema = z.enum(channelProviders);
export type ChannelProvider = z.infer<typeof channelProviderSchema>;

export const channelStatuses = ["pending", "active", "error", "disabled"] as const;
export const channelStatusSchema = z.enum(channelStatuses);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

/** A connected Telegram bot or WhatsApp number: its non-secret settings only (secrets never reach the browser). */
export const channelRowSchema = z.object({
  id: idSchema,
  workspace_id: idSchema,
  provider: channelProviderSchema,
  platform: z.enum(["telegram", "whatsapp"]),
  name: z.string().nullable(),
  external_id: z.string().nullable(),
  username: z.string().nullable(),
  status: channelStatusSchema,
  webhook_url: z.string().nullable(),
  last_error: z.string().nullable(),
  niche_id: idSchema.nullable(),
  campaign_id: idSchema.nullable(),
  created_at: timestampSchema,
});
export type ChannelRow = z.infer<typeof channelRowSchema>;
export const channelColumns = Object.keys(channelRowSchema.shape).join(",");

/** A niche as the settings need it: to pick the script it is qualified with. */
export const nicheNameRowSchema = z.object({ id: idSchema, name: z.string() });
export type NicheNameRow = z.infer<typeof nicheNameRowSchema>;

/**
 * A stored qualification script: per niche, or the workspace default when `niche_id` is null. `script` is
 * checked against the script schema where it is edited or used.
 */
export const qualificationScriptRowSchema = z.object({
  id: idSchema,
  workspace_id: idSchema,
  niche_id: idSchema.nullable(),
  name: z.string(),
  script: z.unknown(),
  updated_at: timestampSchema,
});
export type QualificationScriptRow = z.infer<typeof qualificationScriptRowSchema>;
export const qualificationScriptColumns = Object.keys(qualificationScriptRowSchema.shape).join(",");

/** How the webhook ended up after connecting: set by the function, or instructions to set it by hand. */
export const webhookResultSchema = z.object({
  url: z.string().nullable(),
  set: z.boolean(),
  instructions: z.string().nullable(),
});

/** What `channel-connect` answers: the new channel (non-secret fields) and the webhook's state. */
export const connectResultSchema = z.object({
  channel: z.object({ id: idSchema, name: z.string().nullish(), username: z.string().nullish() }).loose(),
  webhook: webhookResultSchema,
});
export type ConnectResult = z.infer<typeof connectResultSchema>;
