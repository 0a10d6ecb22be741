import { describe, expect, it } from "vitest";
import { measureTaskProgress } from "./measureTaskProgress.ts";

const running = { status: "running" as const, pages_done: 3, pages_failed: 1, pages_total: 10 };

describe("measureTaskProgress", () => {
  it("counts read and failed pages against the total", () => {
    expect(measureTaskProgress(running)).toEqual({ done: 4, total: 10, failed: 1, percent: 40 });
  });

  it("rounds down, so 100 % means every page was read", () => {
    expect(measureTaskProgress({ ...running, pages_done: 2, pages_failed: 0, pages_total: 3 }).percent).toBe(
      66,
    );
    expect(measureTaskProgress({ ...running, pages_done: 9, pages_failed: 0, pages_total: 10 }).percent).toBe(
      90,
    );
  });

  it("never shows more than 100 % when a site grew while being read", () => {
    expect(measureTaskProgress({ ...running, pages_done: 14, pages_total: 10 }).percent).toBe(100);
  });

  it("has no percentage while a running task does not know its total, and 0 % while queued", () => {
    expect(measureTaskProgress({ ...running, pages_total: 0 }).percent).toBeNull();
    expect(
      measureTaskProgress({ status: "queued", pages_done: 0, pages_failed: 0, pages_total: 0 }).percent,
    ).toBe(0);
  });

  it("shows a finished task as complete, but a cancelled one where it stopped", () => {
    expect(measureTaskProgress({ ...running, status: "partial" }).percent).toBe(100);
    expect(measureTaskProgress({ ...running, status: "failed", pages_total: 0 }).percent).toBe(100);
    expect(measureTaskProgress({ ...running, status: "cancelled" }).percent).toBe(40);
  });
});
