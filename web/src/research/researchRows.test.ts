import { describe, expect, it } from "vitest";
import { parsedProductRowSchema, parsedSiteRowSchema, parserTaskRowSchema } from "./researchRows.ts";

const ids = {
  task: "00000000-0000-4000-8000-000000000002",
  workspace: "11111111-1111-4111-8111-111111111111",
  site: "00000000-0000-4000-8000-000000000003",
  product: "00000000-0000-4000-8000-000000000004",
};

/** A parser_tasks row as PostgREST (and Realtime) send it. */
const taskRow = {
  id: ids.task,
  workspace_id: ids.workspace,
  niche_id: null,
  kind: "parse",
  input: { urls: ["https://satu.kz/Kondytsionery.html"], site: "auto", browser: "auto", follow_pages: 0 },
  status: "running",
  idempotency_key: "k-1",
  attempts: 1,
  max_attempts: 5,
  pages_total: 4,
  pages_done: 1,
  pages_failed: 0,
  items_found: 28,
  progress_note: "satu.kz: страница 1",
  error: null,
  result: null,
  created_at: "2026-11-21T09:00:00.123456+00:00",
  started_at: "2026-11-21T09:00:01+00:00",
  finished_at: null,
  updated_at: "2026-11-21T09:00:05+00:00",
};

describe("parserTaskRowSchema", () => {
  it("reads a running task with its progress", () => {
    const task = parserTaskRowSchema.parse(taskRow);
    expect(task).toMatchObject({ status: "running", pages_done: 1, pages_total: 4, items_found: 28 });
  });

  it("reads the error a failed task stores", () => {
    const task = parserTaskRowSchema.parse({
      ...taskRow,
      status: "failed",
      finished_at: "2026-11-21T09:01:00+00:00",
      error: { code: "attempts_exhausted", message: "fetch_timeout: satu.kz did not answer" },
    });
    expect(task.error?.code).toBe("attempts_exhausted");
  });

  it("refuses a status it does not know instead of showing it wrongly", () => {
    expect(parserTaskRowSchema.safeParse({ ...taskRow, status: "paused" }).success).toBe(false);
  });
});

describe("parsedSiteRowSchema", () => {
  const siteRow = {
    id: ids.site,
    task_id: ids.task,
    url: "https://satu.kz/Kondytsionery.html",
    final_url: "https://satu.kz/Kondytsionery.html",
    domain: "satu.kz",
    site: "satu",
    kind: "listing",
    fetch_path: "http",
    http_status: 200,
    title: "Кондиционеры",
    total: 1523,
    seo: {
      title: "Кондиционеры купить",
      description: null,
      canonical: "https://satu.kz/Kondytsionery.html",
      h1: "Кондиционеры",
      headings: [{ level: 1, text: "Кондиционеры" }],
      hreflang: [{ lang: "kk", href: "https://satu.kz/kz/Kondytsionery.html" }],
      robots: null,
    },
    missing: ["seller"],
    error: null,
    item_count: 28,
    fetched_at: "2026-11-21T09:00:04+00:00",
  };

  it("reads a listing page with its SEO and the fields it missed", () => {
    const page = parsedSiteRowSchema.parse(siteRow);
    expect(page.seo?.hreflang).toHaveLength(1);
    expect(page.missing).toEqual(["seller"]);
  });

  it("reads a page that could not be fetched: kind error, no path, no SEO", () => {
    const page = parsedSiteRowSchema.parse({
      ...siteRow,
      kind: "error",
      fetch_path: null,
      http_status: null,
      seo: {},
      error: { code: "fetch_timeout", message: "no answer in 30 s" },
    });
    expect(page).toMatchObject({
      kind: "error",
      fetch_path: null,
      seo: null,
      error: { code: "fetch_timeout" },
    });
  });
});

describe("parsedProductRowSchema", () => {
  it("reads prices whether Postgres numerics come as numbers or strings", () => {
    const row = {
      id: ids.product,
      task_id: ids.task,
      site: "olx",
      external_id: "123",
      title: "Кондиционер Midea 12",
      price: "189990.00",
      currency: "KZT",
      price_kzt: 189990,
      negotiable: true,
      city: "Алматы",
      seller: "Климат Сервис",
      seller_type: "business",
      promoted: true,
      url: "https://www.olx.kz/d/obyavlenie/123",
      created_at: "2026-11-21T09:00:04+00:00",
    };
    expect(parsedProductRowSchema.parse(row)).toMatchObject({ price: 189_990, price_kzt: 189_990 });
    expect(
      parsedProductRowSchema.parse({ ...row, price: 1250.5, currency: "USD", price_kzt: null }).price,
    ).toBe(1250.5);
  });
});
