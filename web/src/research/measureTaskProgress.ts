import type { ParserTaskRow } from "./researchRows.ts";

/** How far a task has got, as its progress bar shows it. */
export interface TaskProgress {
  /** Pages read so far (including the ones that failed). */
  done: number;
  /** Pages the task will read; null while it does not know yet. */
  total: number | null;
  failed: number;
  /** 0..100, whole; null while the total is unknown (the bar then just shows that work goes on). */
  percent: number | null;
}

/**
 * Progress from the task's counters. A finished task is at 100 % whatever its counters say (it read what it
 * could); a count beyond the total (a site added pages while being read) never shows more than 100 %.
 */
export function measureTaskProgress(
  task: Pick<ParserTaskRow, "status" | "pages_done" | "pages_failed" | "pages_total">,
): TaskProgress {
  const done = task.pages_done + task.pages_failed;
  // The worker sets the total once it knows it; 0 means "not known yet".
  const total = task.pages_total > 0 ? task.pages_total : null;
  const finished = task.status !== "queued" && task.status !== "running";
  if (finished && task.status !== "cancelled")
    return { done, total, failed: task.pages_failed, percent: 100 };
  if (total === null)
    return { done, total, failed: task.pages_failed, percent: task.status === "queued" ? 0 : null };
  const percent = Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
  return { done, total, failed: task.pages_failed, percent };
}
