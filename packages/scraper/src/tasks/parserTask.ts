import { siteChoices } from "@arqan/shared";
import { z } from "zod";

/** The task input a parse task carries (validated again here: the row is data from outside this process). */
export const parseTaskInputSchema = z.object({
  urls: z.array(z.string()).min(1),
  site: z.enum(siteChoices).default("auto"),
  browser: z.enum(["auto", "never", "always"]).default("auto"),
  follow_pages: z.number().int().min(0).max(50).default(0),
});
export type ParseTaskInput = z.infer<typeof parseTaskInputSchema>;

export const nicheSites = ["olx", "kaspi", "satu"] as const;
export type NicheSite = (typeof nicheSites)[number];

export const nicheTaskInputSchema = z.object({
  query: z.string().trim().min(1),
  city: z.string().nullable().default(null),
  sites: z.array(z.enum(nicheSites)).min(1).default(["olx", "kaspi", "satu"]),
  max_pages: z.number().int().min(1).max(20).default(3),
});
export type NicheTaskInput = z.infer<typeof nicheTaskInputSchema>;

/** A row of public.parser_tasks as claimed by a worker. */
export const claimedTaskSchema = z.object({
  id: z.string(),
  workspace_id: z.string(),
  niche_id: z.string().nullable(),
  kind: z.enum(["parse", "niche"]),
  input: z.unknown(),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
});
export type ClaimedTask = z.infer<typeof claimedTaskSchema>;

/** How a task ends: every page read → done; some pages failed or lacked fields → partial; all blocked → blocked. */
export type TaskOutcome = "done" | "partial" | "blocked" | "failed";
