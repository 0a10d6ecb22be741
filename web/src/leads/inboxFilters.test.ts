import { describe, expect, it } from "vitest";
import type { LeadRow } from "../api/rows.ts";
import { isFiltered, mayMatchFilters, noFilters, parseScoreInput } from "./inboxFilters.ts";

const lead: LeadRow = {
  id: "00000000-0000-4000-8000-000000000001",
  workspace_id: "11111111-1111-4111-8111-111111111111",
  campaign_id: "22222222-2222-4222-8222-222222222222",
  source_platform: "whatsapp",
  source_id: null,
  name: "Айгерим Сапарова",
  phone: "+77011234567",
  language: "kk",
  status: "qualified",
  score: 72,
  client_id: null,
  handed_off_at: null,
  first_contact_at: null,
  first_response_at: null,
  created_at: "2026-11-21T09:00:00Z",
  updated_at: "2026-11-21T09:00:00Z",
};

describe("parseScoreInput", () => {
  it("reads whole scores 0–100 and treats anything else as no limit", () => {
    expect(parseScoreInput(" 40 ")).toBe(40);
    expect(parseScoreInput("0")).toBe(0);
    expect(parseScoreInput("100")).toBe(100);
    expect(parseScoreInput("")).toBeNull();
    expect(parseScoreInput("101")).toBeNull();
    expect(parseScoreInput("-5")).toBeNull();
    expect(parseScoreInput("4.5")).toBeNull();
  });
});

describe("isFiltered", () => {
  it("is false for no filters and a blank search, true for any filter", () => {
    expect(isFiltered(noFilters)).toBe(false);
    expect(isFiltered({ ...noFilters, search: "  " })).toBe(false);
    expect(isFiltered({ ...noFilters, scoreMin: 0 })).toBe(true);
  });
});

describe("mayMatchFilters", () => {
  it("passes a lead with no filters", () => {
    expect(mayMatchFilters(noFilters, lead)).toBe(true);
  });

  it("checks status, source, campaign and language", () => {
    expect(mayMatchFilters({ ...noFilters, status: "new" }, lead)).toBe(false);
    expect(mayMatchFilters({ ...noFilters, source: "telegram" }, lead)).toBe(false);
    expect(mayMatchFilters({ ...noFilters, campaignId: lead.campaign_id }, lead)).toBe(true);
    expect(mayMatchFilters({ ...noFilters, language: "ru" }, lead)).toBe(false);
  });

  it("checks the score range inclusively, and an unscored lead is outside any range", () => {
    expect(mayMatchFilters({ ...noFilters, scoreMin: 72, scoreMax: 72 }, lead)).toBe(true);
    expect(mayMatchFilters({ ...noFilters, scoreMin: 73 }, lead)).toBe(false);
    expect(mayMatchFilters({ ...noFilters, scoreMax: 71 }, lead)).toBe(false);
    expect(mayMatchFilters({ ...noFilters, scoreMin: 0 }, { ...lead, score: null })).toBe(false);
  });

  it("finds the search in the name (any case) or in the phone's digits", () => {
    expect(mayMatchFilters({ ...noFilters, search: "айгерим" }, lead)).toBe(true);
    expect(mayMatchFilters({ ...noFilters, search: "701 123" }, lead)).toBe(true);
    expect(mayMatchFilters({ ...noFilters, search: "Дана" }, lead)).toBe(false);
    expect(mayMatchFilters({ ...noFilters, search: "70" }, lead)).toBe(false);
  });
});
