import { z } from "zod";

/** Enum values as the database defines them (supabase/migrations); the order is meaningful where noted. */
export const workspaceRoles = ["owner", "admin", "operator", "viewer"] as const; // most to least powerful
export const nicheStatuses = ["research", "active", "paused", "completed", "rejected"] as const;
export const campaignStatuses = ["draft", "active", "paused", "completed", "failed"] as const;
export const adStatuses = ["draft", "published", "active", "expired", "banned", "deleted"] as const;
export const leadStatuses = [
  "new",
  "contacted",
  "qualified",
  "disqualified",
  "handed_off",
  "closed",
] as const;
export const platforms = ["olx", "kaspi", "satu", "telegram", "whatsapp", "manual"] as const;
export const languages = ["ru", "kk", "en"] as const;

export const workspaceRoleSchema = z.enum(workspaceRoles);
export const leadStatusSchema = z.enum(leadStatuses);
export const platformSchema = z.enum(platforms);
export const languageSchema = z.enum(languages);

export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;
export type LeadStatus = z.infer<typeof leadStatusSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type Language = z.infer<typeof languageSchema>;
