import { z } from "zod";

// The enums are the database's (`public.lead_status`, `public.platform`, `public.workspace_role`), defined once
// in packages/shared.
export {
  type LeadStatus,
  leadStatuses,
  leadStatusSchema,
  type Platform,
  platformSchema,
  platforms,
  type WorkspaceRole,
  workspaceRoleSchema,
  workspaceRoles,
} from "@arqan/shared";

import { leadStatusSchema, platformSchema, workspaceRoleSchema } from "@arqan/shared";

/** Ids are uuids; `z.guid()` also accepts the hand-written ids demo seeds use. */
export const idSchema = z.guid();

/** A timestamp as PostgREST or Realtime sends it; anything `Date.parse` cannot read is rejected. */
export const timestampSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: "expected an ISO timestamp",
});

/** One row of `my_workspaces()`. */
export const workspaceRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  role: workspaceRoleSchema,
});
export type WorkspaceRow = z.infer<typeof workspaceRowSchema>;

/** A campaign as the leads page needs it: only to show its name. */
export const campaignNameRowSchema = z.object({
  id: idSchema,
  name: z.string(),
});
export type CampaignNameRow = z.infer<typeof campaignNameRowSchema>;

/**
 * A lead as the dashboard reads it. `qualification` (jsonb, possibly large) is left out of the list query; a
 * Realtime payload that carries it is accepted and the field dropped.
 */
export const leadRowSchema = z.object({
  id: idSchema,
  workspace_id: idSchema,
  campaign_id: idSchema.nullable(),
  source_platform: platformSchema,
  source_id: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  status: leadStatusSchema,
  score: z.number().int().min(0).max(100).nullable(),
  client_id: idSchema.nullable(),
  handed_off_at: timestampSchema.nullable(),
  first_contact_at: timestampSchema.nullable(),
  first_response_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type LeadRow = z.infer<typeof leadRowSchema>;

/** The `select` list that matches `leadRowSchema`. */
export const leadColumns = Object.keys(leadRowSchema.shape).join(",");

/** The user a session belongs to. */
export const signedInUserSchema = z.object({
  id: idSchema,
  email: z.string().nullable().default(null),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;
