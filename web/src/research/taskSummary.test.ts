import { describe, expect, it } from "vitest";
import { readSummaryFindings, taskSummarySchema } from "./taskSummary.ts";

/** An answer of parser_task_summary() as Postgres builds it. */
const answer = {
  task_id: "00000000-0000-4000-8000-000000000002",
  status: "partial",
  pages: 6,
  by_kind: { listing: 3, needs_js: 0, blocked: 1, error: 2 },
  by_site: { olx: 4, generic: 2 },
  by_fetch_path: { http: 2, browser: 2, none: 2 },
  errors: { fetch_timeout: 2 },
  products: 57,
  products_by_site: { olx: 57 },
  missing: { price: 2, seller: 3, title: 0 },
};

describe("taskSummarySchema", () => {
  it("reads the summary as the database sends it", () => {
    const summary = taskSummarySchema.parse(answer);
    expect(summary.products).toBe(57);
    expect(summary.by_fetch_path.browser).toBe(2);
  });

  it("refuses a count that is not a whole number", () => {
    expect(taskSummarySchema.safeParse({ ...answer, products: "57" }).success).toBe(false);
    expect(taskSummarySchema.safeParse({ ...answer, missing: { price: -1 } }).success).toBe(false);
  });
});

describe("readSummaryFindings", () => {
  it("says how many pages needed a browser, were blocked or failed", () => {
    const findings = readSummaryFindings(taskSummarySchema.parse(answer));
    expect(findings).toMatchObject({ browserPages: 2, blockedPages: 1, failedPages: 2 });
  });

  it("lists the missed fields most missed first, leaving out fields no page missed", () => {
    const findings = readSummaryFindings(taskSummarySchema.parse(answer));
    expect(findings.missed).toEqual([
      { field: "seller", pages: 3 },
      { field: "price", pages: 2 },
    ]);
  });

  it("finds nothing to warn about in a clean task", () => {
    const clean = taskSummarySchema.parse({
      ...answer,
      by_kind: { listing: 2 },
      by_fetch_path: { http: 2 },
      errors: {},
      missing: {},
    });
    expect(readSummaryFindings(clean)).toEqual({
      browserPages: 0,
      missed: [],
      blockedPages: 0,
      failedPages: 0,
    });
  });
});
