import { leadStatusSchema, platformSchema } from "@arqan/shared";
import { z } from "zod";
import { idSchema, leadRowSchema, timestampSchema } from "./rows.ts";

/** Why a conversation waits for a person (`conversations.needs_human`). */
export const needsHumanReasons = ["template_required", "send_failed", "send_uncertain"] as const;
export const needsHumanSchema = z.enum(needsHumanReasons);
export type NeedsHumanReason = z.infer<typeof needsHumanSchema>;

/** One row of `search_leads(…)`: a lead as the inbox lists it, with its campaign and conversation state. */
export const inboxLeadRowSchema = z.object({
  id: idSchema,
  workspace_id: idSchema,
  campaign_id: idSchema.nullable(),
  campaign_name: z.string().nullable(),
  source_platform: platformSchema,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  status: leadStatusSchema,
  score: z.number().int().min(0).max(100).nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  first_contact_at: timestampSchema.nullable(),
  first_response_at: timestampSchema.nullable(),
  /** Seconds from the lead's first message to the first reply; null while nobody has answered. */
  response_seconds: z.number().min(0).nullable(),
  last_message_at: timestampSchema.nullable(),
  needs_human: needsHumanSchema.nullable(),
  /** Null when the lead has no conversation yet. */
  bot_paused: z
    .boolean()
    .nullable()
    .transform((paused) => paused ?? false),
  /** How many leads match the filters in all pages (the same on every row). */
  total_count: z.number().int().min(0),
});
export type InboxLeadRow = z.infer<typeof inboxLeadRowSchema>;

export const scoreComponentSchema = z.object({
  key: z.string(),
  points: z.number(),
  max: z.number(),
  reason: z.string(),
  value: z.unknown().optional(),
});
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

/** An operator's decision over the bot's status, kept in `leads.qualification.override`. */
export const statusOverrideSchema = z.object({
  by: z.string().nullish(),
  at: timestampSchema,
  from: leadStatusSchema.nullish(),
  to: leadStatusSchema,
  reason: z.string(),
  score: z.number().nullish(),
});
export type StatusOverride = z.infer<typeof statusOverrideSchema>;

/**
 * `leads.qualification` (jsonb, `{}` until the bot has talked to the lead): what was extracted, the score with
 * its components, the outcome and an operator's override. Every part is optional.
 */
export const qualificationSchema = z.object({
  fields: z
    .object({
      need: z.string().nullish(),
      budget_kzt: z.number().nullish(),
      timeline_days: z.number().nullish(),
      city: z.string().nullish(),
      phone: z.string().nullish(),
    })
    .nullish(),
  score: z.object({ total: z.number(), components: z.array(scoreComponentSchema) }).nullish(),
  outcome: z.string().nullish(),
  override: statusOverrideSchema.nullish(),
  summary: z.string().nullish(),
});
export type Qualification = z.infer<typeof qualificationSchema>;

/** One lead with everything its page shows. */
export const leadDetailRowSchema = leadRowSchema.extend({
  qualification: qualificationSchema,
});
export type LeadDetailRow = z.infer<typeof leadDetailRowSchema>;

/** The `select` list that matches `leadDetailRowSchema`. */
export const leadDetailColumns = Object.keys(leadDetailRowSchema.shape).join(",");

/** A chat with the lead on one channel. */
export const conversationRowSchema = z.object({
  id: idSchema,
  lead_id: idSchema,
  platform: platformSchema,
  channel_id: idSchema.nullable(),
  bot_paused: z.boolean(),
  needs_human: needsHumanSchema.nullable(),
  taken_over_by: idSchema.nullable(),
  taken_over_at: timestampSchema.nullable(),
  last_message_at: timestampSchema.nullable(),
  last_inbound_at: timestampSchema.nullable(),
});
export type ConversationRow = z.infer<typeof conversationRowSchema>;
export const conversationColumns = Object.keys(conversationRowSchema.shape).join(",");

export const messageSenders = ["bot", "lead", "human"] as const;

/** One message of a conversation, by the bot, the lead or an operator. */
export const messageRowSchema = z.object({
  id: idSchema,
  conversation_id: idSchema,
  lead_id: idSchema,
  platform: platformSchema,
  sender: z.enum(messageSenders),
  sender_user_id: idSchema.nullable(),
  text: z.string().nullable(),
  sent_at: timestampSchema,
});
export type MessageRow = z.infer<typeof messageRowSchema>;
export const messageColumns = Object.keys(messageRowSchema.shape).join(",");

export const outboundStatuses = ["pending", "sending", "sent", "failed", "uncertain", "superseded"] as const;
export const outboundStatusSchema = z.enum(outboundStatuses);
export type OutboundStatus = z.infer<typeof outboundStatusSchema>;

/** A reply in the outbox, until it is sent (then it is a `messages` row as well). */
export const outboundRowSchema = z.object({
  id: idSchema,
  lead_id: idSchema,
  conversation_id: idSchema,
  sender: z.enum(["bot", "human"]),
  text: z.string(),
  status: outboundStatusSchema,
  attempts: z.number().int().min(0),
  last_error: z.string().nullable(),
  created_at: timestampSchema,
  sent_at: timestampSchema.nullable(),
});
export type OutboundRow = z.infer<typeof outboundRowSchema>;
export const outboundColumns = Object.keys(outboundRowSchema.shape).join(",");

/** A campaign as the lead page needs it: its name, and its niche (which picks the qualification script). */
export const campaignRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  niche_id: idSchema,
});
export type CampaignRow = z.infer<typeof campaignRowSchema>;
