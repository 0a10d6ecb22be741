import { describe, expect, it } from "vitest";
import type { LeadRow } from "../api/rows.ts";
import { createLeadsPageState, type LeadsPageState, reduceLeadsPage } from "./leadsPageState.ts";

const workspaceId = "11111111-1111-4111-8111-111111111111";

function lead(n: number, overrides: Partial<LeadRow> = {}): LeadRow {
  const createdAt = new Date(Date.UTC(2026, 10, 21, 9, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    workspace_id: workspaceId,
    campaign_id: null,
    source_platform: "whatsapp",
    source_id: null,
    name: `Лид ${n}`,
    phone: null,
    language: null,
    status: "new",
    score: null,
    client_id: null,
    handed_off_at: null,
    first_contact_at: null,
    first_response_at: null,
    created_at: createdAt,
    updated_at: createdAt,
    ...overrides,
  };
}

/** A page that has loaded `leads` of `total`. */
function loaded(leads: LeadRow[], total: number): LeadsPageState {
  let state = createLeadsPageState(workspaceId);
  state = reduceLeadsPage(state, { type: "fetch-start", requestId: state.request.id });
  return reduceLeadsPage(state, { type: "fetch-done", requestId: state.request.id, leads, total });
}

describe("reduceLeadsPage", () => {
  it("shows a live insert at once and marks it fresh", () => {
    const state = reduceLeadsPage(loaded([lead(1)], 1), {
      type: "change",
      change: { kind: "insert", lead: lead(2) },
    });
    expect(state.view.leads.map((row) => row.name)).toEqual(["Лид 2", "Лид 1"]);
    expect(state.view.total).toBe(2);
    expect(state.freshIds.has(lead(2).id)).toBe(true);
  });

  it("keeps a lead that arrived while a fetch was in flight, even if the answer predates it", () => {
    let state = loaded([lead(1)], 1);
    state = reduceLeadsPage(state, { type: "retry" });
    const requestId = state.request.id;
    state = reduceLeadsPage(state, { type: "fetch-start", requestId });
    state = reduceLeadsPage(state, { type: "change", change: { kind: "insert", lead: lead(2) } });
    state = reduceLeadsPage(state, { type: "fetch-done", requestId, leads: [lead(1)], total: 1 });
    expect(state.view.leads.map((row) => row.name)).toEqual(["Лид 2", "Лид 1"]);
    expect(state.view.total).toBe(2);
  });

  it("does not count twice a lead that both arrived live and is in the fetch answer", () => {
    let state = loaded([lead(1)], 1);
    state = reduceLeadsPage(state, { type: "retry" });
    const requestId = state.request.id;
    state = reduceLeadsPage(state, { type: "fetch-start", requestId });
    state = reduceLeadsPage(state, { type: "change", change: { kind: "insert", lead: lead(2) } });
    state = reduceLeadsPage(state, { type: "fetch-done", requestId, leads: [lead(2), lead(1)], total: 2 });
    expect(state.view.leads).toHaveLength(2);
    expect(state.view.total).toBe(2);
  });

  it("ignores the answer to a request the user has moved on from", () => {
    let state = loaded([lead(1)], 1);
    const oldRequest = state.request.id;
    state = reduceLeadsPage(state, { type: "filter", status: "qualified", source: null });
    state = reduceLeadsPage(state, { type: "fetch-done", requestId: oldRequest, leads: [lead(9)], total: 9 });
    expect(state.phase).toBe("loading");
    expect(state.view.total).toBe(1);
  });

  it("returns to page 1 and forgets the 'new leads' count when the filters change", () => {
    let state = loaded([lead(1)], 30);
    state = reduceLeadsPage(state, { type: "page", page: 2 });
    state = reduceLeadsPage(state, {
      type: "fetch-done",
      requestId: state.request.id,
      leads: [lead(1)],
      total: 30,
    });
    state = reduceLeadsPage(state, { type: "change", change: { kind: "insert", lead: lead(50) } });
    expect(state.view.unseen).toBe(1);
    state = reduceLeadsPage(state, { type: "filter", status: null, source: "olx" });
    expect(state.view).toMatchObject({ page: 1, unseen: 0, source: "olx" });
    expect(state.request).toMatchObject({ page: 1, source: "olx", quiet: false });
  });

  it("asks for a quiet refresh after a deletion so the page fills up again", () => {
    const before = loaded([lead(2), lead(1)], 30);
    const after = reduceLeadsPage(before, { type: "change", change: { kind: "delete", id: lead(2).id } });
    expect(after.view.leads.map((row) => row.name)).toEqual(["Лид 1"]);
    expect(after.request.id).toBeGreaterThan(before.request.id);
    expect(after.request.quiet).toBe(true);
  });

  it("catches up with the server after the live connection comes back", () => {
    let state = loaded([lead(1)], 1);
    state = reduceLeadsPage(state, { type: "live", status: "connected" });
    const requestId = state.request.id;
    state = reduceLeadsPage(state, { type: "live", status: "reconnecting" });
    state = reduceLeadsPage(state, { type: "live", status: "connected" });
    expect(state.request.id).toBe(requestId + 1);
    expect(state.live).toBe("connected");
  });

  it("moves back to the last page that has leads when the current one came back empty", () => {
    let state = loaded([lead(1)], 26);
    state = reduceLeadsPage(state, { type: "page", page: 3 });
    state = reduceLeadsPage(state, { type: "fetch-done", requestId: state.request.id, leads: [], total: 26 });
    expect(state.view.page).toBe(2);
    expect(state.request).toMatchObject({ page: 2, quiet: false });
  });

  it("shows an error with nothing loaded, and keeps the rows when only a refresh failed", () => {
    let first = createLeadsPageState(workspaceId);
    first = reduceLeadsPage(first, {
      type: "fetch-failed",
      requestId: first.request.id,
      action: "retry-later",
    });
    expect(first.phase).toBe("error");
    let later = loaded([lead(1)], 1);
    later = reduceLeadsPage(later, { type: "retry" });
    later = reduceLeadsPage(later, {
      type: "fetch-failed",
      requestId: later.request.id,
      action: "retry-later",
    });
    expect(later.phase).toBe("ready");
    expect(later.failure).toBe("retry-later");
    expect(later.view.leads).toHaveLength(1);
  });
});
