import type { ParsedPage } from "@arqan/shared";
import type { Sql } from "postgres";
import { type ClaimedTask, claimedTaskSchema, type TaskOutcome } from "./parserTask.ts";

/** A failed fetch stored with its page row, so the task page shows why a URL has no data. */
export interface PageError {
  code: string;
  message: string;
}

/** The worker's side of the job queue: the SQL functions of supabase/migrations/…_research.sql. */
export interface TaskStore {
  claim(workerId: string, visibilitySeconds: number): Promise<ClaimedTask | null>;
  /** false: the lease is lost or the task was cancelled — stop working on it. */
  reportProgress(
    task: ClaimedTask,
    workerId: string,
    progress: { total: number; done: number; failed: number; items: number; note: string | null },
    visibilitySeconds: number,
  ): Promise<boolean>;
  /** Stores the page read for `requestedUrl` (the page's own url may differ after redirects) and its products. */
  recordPage(
    task: ClaimedTask,
    workerId: string,
    requestedUrl: string,
    page: ParsedPage,
    error: PageError | null,
  ): Promise<void>;
  complete(
    task: ClaimedTask,
    workerId: string,
    outcome: TaskOutcome,
    result: unknown,
    error: PageError | null,
  ): Promise<boolean>;
  fail(task: ClaimedTask, workerId: string, error: PageError, retry: boolean): Promise<string>;
}

export function createTaskStore(sql: Sql): TaskStore {
  const seconds = (value: number) => `${Math.max(1, Math.round(value))} seconds`;
  return {
    async claim(workerId, visibilitySeconds) {
      const rows = await sql`
        select id, workspace_id, niche_id, kind, input, attempts, max_attempts
        from private.claim_parser_task(${workerId}, ${seconds(visibilitySeconds)}::interval)`;
      const row = rows[0];
      return row ? claimedTaskSchema.parse(row) : null;
    },
    async reportProgress(task, workerId, progress, visibilitySeconds) {
      const [row] = await sql<{ kept: boolean }[]>`
        select private.report_parser_progress(${task.id}, ${workerId}, ${progress.total}, ${progress.done},
          ${progress.failed}, ${progress.items}, ${progress.note}, ${seconds(visibilitySeconds)}::interval) as kept`;
      return row?.kept === true;
    },
    async recordPage(task, workerId, requestedUrl, page, error) {
      const payload = { ...page, requested_url: requestedUrl, ...(error === null ? {} : { error }) };
      await sql`select private.record_parsed_page(${task.id}, ${workerId}, ${sql.json(JSON.parse(JSON.stringify(payload)))})`;
    },
    async complete(task, workerId, outcome, result, error) {
      const [row] = await sql<{ done: boolean }[]>`
        select private.complete_parser_task(${task.id}, ${workerId}, ${outcome},
          ${result === null || result === undefined ? null : sql.json(JSON.parse(JSON.stringify(result)))},
          ${error === null ? null : sql.json({ ...error })}) as done`;
      return row?.done === true;
    },
    async fail(task, workerId, error, retry) {
      const [row] = await sql<{ status: string }[]>`
        select private.fail_parser_task(${task.id}, ${workerId}, ${sql.json({ ...error })}, ${retry}) as status`;
      return row?.status ?? "failed";
    },
  };
}
