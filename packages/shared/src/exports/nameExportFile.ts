import type { ExportSource } from "./exportProduct.ts";

/** Kazakhstan has kept one time zone, UTC+5, since March 2024: a task created at 01:00 in Almaty is dated that day. */
export const kazakhstanOffsetMs = 5 * 60 * 60 * 1000;

/**
 * `arqan-<first 8 of the task id>-<yyyymmdd>.<extension>`, dated by the day the task was created in
 * Kazakhstan, so the files of one task sort together and never collide with another task's.
 */
export function nameExportFile(
  source: Pick<ExportSource, "task_id" | "created_at">,
  extension: string,
): string {
  const task = source.task_id
    .replace(/[^A-Za-z0-9_-]/g, "")
    .slice(0, 8)
    .toLowerCase();
  return `arqan-${task || "task"}-${formatKazakhstanDay(source.created_at)}.${extension}`;
}

/** `yyyymmdd` of an instant in Kazakhstan time. */
export function formatKazakhstanDay(instant: string): string {
  const created = Date.parse(instant);
  if (Number.isNaN(created)) throw new RangeError(`The task's created_at is not a date: ${instant}`);
  const local = new Date(created + kazakhstanOffsetMs);
  const month = String(local.getUTCMonth() + 1).padStart(2, "0");
  const day = String(local.getUTCDate()).padStart(2, "0");
  return `${local.getUTCFullYear()}${month}${day}`;
}
