import { describe, expect, it } from "vitest";
import { pageRange, parseLeadChange } from "./dashboardQueries.ts";

const row = {
  id: "00000000-0000-4000-8000-000000000001",
  workspace_id: "11111111-1111-4111-8111-111111111111",
  campaign_id: null,
  source_platform: "telegram",
  source_id: "12345",
  name: "Айгерим",
  phone: "+77011234567",
  language: "kk",
  status: "new",
  score: 40,
  qualification: { budget_kzt: 150000 },
  client_id: null,
  handed_off_at: null,
  first_contact_at: null,
  first_response_at: null,
  created_at: "2026-11-21T09:00:00.123456+00:00",
  updated_at: "2026-11-21T09:00:00.123456+00:00",
};

const envelope = { schema: "public", table: "leads", commit_timestamp: "2026-11-21T09:00:00Z", errors: null };

describe("parseLeadChange", () => {
  it("reads an insert as Supabase Realtime sends it", () => {
    const result = parseLeadChange({ ...envelope, eventType: "INSERT", new: row, old: {} });
    expect(result).toMatchObject({
      ok: true,
      change: { kind: "insert", lead: { id: row.id, name: "Айгерим" } },
    });
  });

  it("reads an update", () => {
    const result = parseLeadChange({
      ...envelope,
      eventType: "UPDATE",
      new: { ...row, status: "qualified" },
      old: { id: row.id },
    });
    expect(result).toMatchObject({ ok: true, change: { kind: "update", lead: { status: "qualified" } } });
  });

  it("reads a delete that carries only the primary key (RLS)", () => {
    const result = parseLeadChange({ ...envelope, eventType: "DELETE", new: {}, old: { id: row.id } });
    expect(result).toEqual({ ok: true, change: { kind: "delete", id: row.id } });
  });

  it("refuses a row with an unknown status instead of showing it wrongly", () => {
    const result = parseLeadChange({
      ...envelope,
      eventType: "INSERT",
      new: { ...row, status: "won" },
      old: {},
    });
    expect(result.ok).toBe(false);
  });

  it("refuses a score outside 0–100", () => {
    const result = parseLeadChange({
      ...envelope,
      eventType: "INSERT",
      new: { ...row, score: 140 },
      old: {},
    });
    expect(result.ok).toBe(false);
  });
});

describe("pageRange", () => {
  it("turns a 1-based page into the inclusive row range", () => {
    expect(pageRange(1, 25)).toEqual({ from: 0, to: 24 });
    expect(pageRange(3, 25)).toEqual({ from: 50, to: 74 });
  });

  it("refuses page 0", () => {
    expect(() => pageRange(0, 25)).toThrow(RangeError);
  });
});
