import { fetchPaths, pageKinds, parsedSites, seoSchema, siteChoices } from "@arqan/shared";
import { z } from "zod";
import { idSchema, timestampSchema } from "../api/rows.ts";

/**
 * The research tables as the dashboard reads them (`parser_tasks`, `parsed_sites`, `parsed_products`, `niches`,
 * `market_research`), parsed with zod: PostgREST and Realtime answers are outside data.
 */

export const taskKinds = ["parse", "niche"] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskStatuses = [
  "queued",
  "running",
  "done",
  "partial",
  "blocked",
  "failed",
  "cancelled",
] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** A task that has not ended: it can still be cancelled, and its progress moves. */
export function isTaskActive(status: TaskStatus): boolean {
  return status === "queued" || status === "running";
}

export const browserChoices = ["auto", "never", "always"] as const;
export type BrowserChoice = (typeof browserChoices)[number];

/** What a parse task reads: the pages given, how, and how many "next page" links it follows. */
export const parseInputSchema = z.object({
  urls: z.array(z.string()),
  site: z.enum(siteChoices),
  browser: z.enum(browserChoices),
  follow_pages: z.number().int().min(0),
});
export type ParseInput = z.infer<typeof parseInputSchema>;

/** What a niche task searches: a query in a city, on some marketplaces, a few result pages each. */
export const nicheInputSchema = z.object({
  query: z.string(),
  city: z.string().nullable(),
  sites: z.array(z.string()),
  max_pages: z.number().int().min(1),
});
export type NicheTaskInput = z.infer<typeof nicheInputSchema>;

/** Why a task failed, as the worker stores it: a stable code and the worker's own words. */
export const taskErrorSchema = z.object({ code: z.string(), message: z.string().nullish() }).loose();
export type TaskError = z.infer<typeof taskErrorSchema>;

const counter = z
  .number()
  .int()
  .min(0)
  .nullable()
  .transform((value) => value ?? 0);

/**
 * A research task. `input` and `result` stay unparsed here: a task whose input this dashboard does not know
 * still lists (its summary says so), and the niche report is parsed where it is shown.
 */
export const parserTaskRowSchema = z.object({
  id: idSchema,
  workspace_id: idSchema,
  niche_id: idSchema.nullable(),
  kind: z.enum(taskKinds),
  input: z.unknown(),
  status: taskStatusSchema,
  attempts: counter,
  max_attempts: counter,
  /** 0 until the task knows how many pages it will read. */
  pages_total: counter,
  pages_done: counter,
  pages_failed: counter,
  items_found: counter,
  progress_note: z.string().nullable(),
  error: taskErrorSchema.nullable().catch(null),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
});
export type ParserTaskRow = z.infer<typeof parserTaskRowSchema>;
/** The `select` list of `parserTaskRowSchema` (without `result`, which can be large). */
export const parserTaskColumns = Object.keys(parserTaskRowSchema.shape).join(",");

/** A stored page's kind: what the reader recognised, or `error` when the page could not be fetched at all. */
export const storedPageKinds = [...pageKinds, "error"] as const;
export type StoredPageKind = (typeof storedPageKinds)[number];

/**
 * One page a task read: what it was, how it was fetched, and what could not be read on it. `seo` is `{}` for a
 * page that was never fetched; it is then shown as absent.
 */
export const parsedSiteRowSchema = z.object({
  id: idSchema,
  task_id: idSchema,
  url: z.string(),
  final_url: z.string().nullable(),
  domain: z.string(),
  site: z.enum(parsedSites),
  kind: z.enum(storedPageKinds),
  fetch_path: z.enum(fetchPaths).nullable(),
  http_status: z.number().int().nullable(),
  title: z.string().nullable(),
  total: z.number().int().nullable(),
  seo: seoSchema.nullable().catch(null),
  missing: z
    .array(z.string())
    .nullable()
    .transform((missing) => missing ?? []),
  error: taskErrorSchema.nullable().catch(null),
  item_count: counter,
  fetched_at: timestampSchema,
});
export type ParsedSiteRow = z.infer<typeof parsedSiteRowSchema>;
export const parsedSiteColumns = Object.keys(parsedSiteRowSchema.shape).join(",");

/** A decimal as Postgres may send it (numeric as a string) or as a number. */
const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** One product or ad a task found, as the products table shows it. */
export const parsedProductRowSchema = z.object({
  id: idSchema,
  task_id: idSchema,
  site: z.string(),
  external_id: z.string().nullable(),
  title: z.string(),
  price: decimal.nullable(),
  currency: z.string().nullable(),
  price_kzt: decimal.nullable(),
  negotiable: z.boolean().nullable(),
  city: z.string().nullable(),
  seller: z.string().nullable(),
  seller_type: z.string().nullable(),
  promoted: z
    .boolean()
    .nullable()
    .transform((promoted) => promoted ?? false),
  url: z.string().nullable(),
  created_at: timestampSchema,
});
export type ParsedProductRow = z.infer<typeof parsedProductRowSchema>;
export const parsedProductColumns = Object.keys(parsedProductRowSchema.shape).join(",");

/** Everything an export needs of a product: every column, `data` carrying attributes, description, images. */
export const exportColumns = [
  "site",
  "external_id",
  "title",
  "price",
  "currency",
  "price_kzt",
  "negotiable",
  "city",
  "seller",
  "seller_type",
  "promoted",
  "url",
  "rating",
  "reviews",
  "views",
  "posted_at",
  "brand",
  "sku",
  "available",
  "sellers",
  "data",
].join(",");

/** A niche as the research pages list it. */
export const nicheRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  query: z.string().nullable(),
  city: z.string().nullable(),
  status: z.string(),
  updated_at: timestampSchema,
});
export type NicheRow = z.infer<typeof nicheRowSchema>;
export const nicheColumns = Object.keys(nicheRowSchema.shape).join(",");

/** One stored niche report; `data` is parsed with the report schema where it is shown. */
export const marketResearchRowSchema = z.object({
  id: idSchema,
  niche_id: idSchema.nullable(),
  region: z.string().nullable(),
  data: z.unknown(),
  collected_at: timestampSchema,
});
export type MarketResearchRow = z.infer<typeof marketResearchRowSchema>;
export const marketResearchColumns = Object.keys(marketResearchRowSchema.shape).join(",");
