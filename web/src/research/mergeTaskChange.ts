import type { TaskChange } from "./researchQueries.ts";
import type { ParserTaskRow } from "./researchRows.ts";

/**
 * The task list after a live change: an updated task replaces its row (an older copy never overwrites a newer
 * one), a new task joins in creation order (newest first), a deleted one leaves. At most `limit` are kept.
 */
export function mergeTaskChange(
  tasks: readonly ParserTaskRow[],
  change: TaskChange,
  limit: number,
): ParserTaskRow[] {
  if (change.kind === "delete") return tasks.filter((task) => task.id !== change.id);
  const incoming = change.task;
  const current = tasks.find((task) => task.id === incoming.id);
  if (current !== undefined) {
    if (Date.parse(current.updated_at) > Date.parse(incoming.updated_at)) return [...tasks];
    return tasks.map((task) => (task.id === incoming.id ? incoming : task));
  }
  const merged = [...tasks, incoming].sort(
    (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id.localeCompare(a.id),
  );
  return merged.slice(0, limit);
}
