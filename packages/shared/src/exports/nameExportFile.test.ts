import { describe, expect, it } from "vitest";
import { nameExportFile } from "./nameExportFile.ts";

describe("nameExportFile", () => {
  it("names the file after the task's first 8 characters and its day in Kazakhstan", () => {
    const task = { task_id: "1A2B3C4D-5e6f-4711-8899-aabbccddeeff", created_at: "2025-03-01T12:00:00Z" };
    expect(nameExportFile(task, "csv")).toBe("arqan-1a2b3c4d-20250301.csv");
  });

  it("dates a task created after 19:00 UTC by the next day, as Almaty sees it", () => {
    const task = { task_id: "1a2b3c4d-5e6f", created_at: "2025-12-31T20:30:00.000Z" };
    expect(nameExportFile(task, "xlsx")).toBe("arqan-1a2b3c4d-20260101.xlsx");
    expect(nameExportFile({ ...task, created_at: "2025-12-31T18:59:59Z" }, "xlsx")).toBe(
      "arqan-1a2b3c4d-20251231.xlsx",
    );
  });

  it("keeps only file-safe characters of the task id", () => {
    expect(nameExportFile({ task_id: "../a/b c", created_at: "2025-03-01T00:00:00Z" }, "sql")).toBe(
      "arqan-abc-20250301.sql",
    );
  });
});
