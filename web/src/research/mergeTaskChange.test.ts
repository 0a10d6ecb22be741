import { describe, expect, it } from "vitest";
import { mergeTaskChange } from "./mergeTaskChange.ts";
import type { ParserTaskRow } from "./researchRows.ts";

function task(id: string, createdAt: string, changes: Partial<ParserTaskRow> = {}): ParserTaskRow {
  return {
    id: `00000000-0000-4000-8000-00000000000${id}`,
    workspace_id: "11111111-1111-4111-8111-111111111111",
    niche_id: null,
    kind: "parse",
    input: {},
    status: "queued",
    attempts: 0,
    max_attempts: 5,
    pages_total: 0,
    pages_done: 0,
    pages_failed: 0,
    items_found: 0,
    progress_note: null,
    error: null,
    created_at: createdAt,
    started_at: null,
    finished_at: null,
    updated_at: createdAt,
    ...changes,
  };
}

const older = task("1", "2026-11-21T09:00:00Z");
const newer = task("2", "2026-11-21T10:00:00Z");

describe("mergeTaskChange", () => {
  it("moves a task's progress when the worker reports it", () => {
    const progressed = {
      ...older,
      status: "running" as const,
      pages_done: 3,
      updated_at: "2026-11-21T09:05:00Z",
    };
    const tasks = mergeTaskChange([newer, older], { kind: "upsert", task: progressed }, 50);
    expect(tasks.map((t) => [t.id, t.pages_done])).toEqual([
      [newer.id, 0],
      [older.id, 3],
    ]);
  });

  it("does not let a late, older copy undo newer progress", () => {
    const current = { ...older, pages_done: 5, updated_at: "2026-11-21T09:06:00Z" };
    const stale = { ...older, pages_done: 3, updated_at: "2026-11-21T09:05:00Z" };
    expect(mergeTaskChange([current], { kind: "upsert", task: stale }, 50)[0]?.pages_done).toBe(5);
  });

  it("puts a new task first and keeps the list within its limit", () => {
    const newest = task("3", "2026-11-21T11:00:00Z");
    expect(mergeTaskChange([newer, older], { kind: "upsert", task: newest }, 2).map((t) => t.id)).toEqual([
      newest.id,
      newer.id,
    ]);
  });

  it("drops a deleted task", () => {
    expect(mergeTaskChange([newer, older], { kind: "delete", id: older.id }, 50)).toEqual([newer]);
  });
});
