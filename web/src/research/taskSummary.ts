import { z } from "zod";

const pages = z.number().int().min(0);
/** Pages (or products) counted by a key: kind, site, fetch path, error code, missed field. */
const countsByKey = z.record(z.string(), pages);

/**
 * What `parser_task_summary(task)` answers: the task's pages in all and by kind, site and fetch path (`none`
 * for a page that could not be fetched at all), page errors by code, products in all and by site, and every
 * field a reader expected and missed with how many pages missed it.
 */
export const taskSummarySchema = z.object({
  task_id: z.string(),
  status: z.string(),
  pages,
  by_kind: countsByKey,
  by_site: countsByKey,
  by_fetch_path: countsByKey,
  errors: countsByKey,
  products: pages,
  products_by_site: countsByKey,
  missing: countsByKey,
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

/** A missed field and the pages that missed it, most missed first. */
export interface MissedField {
  field: string;
  pages: number;
}

/** What the summary says to the operator beyond the counts. */
export interface SummaryFindings {
  /** Pages that needed a real browser to be read (the data came with scripts). */
  browserPages: number;
  /** Fields readers expected and could not read: the site's layout may have changed. */
  missed: MissedField[];
  /** Pages the site answered with a captcha or an anti-bot page. */
  blockedPages: number;
  /** Pages that could not be fetched at all (stored with kind `error`). */
  failedPages: number;
}

/** Reads the summary for the notices of the task page. */
export function readSummaryFindings(summary: TaskSummary): SummaryFindings {
  const missed = Object.entries(summary.missing)
    .map(([field, count]) => ({ field, pages: count }))
    .filter((entry) => entry.pages > 0)
    .sort((a, b) => b.pages - a.pages || a.field.localeCompare(b.field));
  return {
    browserPages: summary.by_fetch_path.browser ?? 0,
    missed,
    blockedPages: summary.by_kind.blocked ?? 0,
    failedPages: summary.by_kind.error ?? 0,
  };
}
