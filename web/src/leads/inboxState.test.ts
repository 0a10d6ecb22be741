import { describe, expect, it } from "vitest";
import type { InboxLeadRow } from "../api/inboxRows.ts";
import type { LeadRow } from "../api/rows.ts";
import { noFilters } from "./inboxFilters.ts";
import { createInboxState, type InboxState, reduceInbox } from "./inboxState.ts";

const workspaceId = "11111111-1111-4111-8111-111111111111";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function row(n: number, overrides: Partial<InboxLeadRow> = {}): InboxLeadRow {
  const createdAt = new Date(Date.UTC(2026, 10, 21, 9, n)).toISOString();
  return {
    id: id(n),
    workspace_id: workspaceId,
    campaign_id: null,
    campaign_name: null,
    source_platform: "telegram",
    name: `Лид ${n}`,
    phone: null,
    language: "ru",
    status: "new",
    score: 40,
    created_at: createdAt,
    updated_at: createdAt,
    first_contact_at: null,
    first_response_at: null,
    response_seconds: null,
    last_message_at: null,
    needs_human: null,
    bot_paused: false,
    total_count: 1,
    ...overrides,
  };
}

function lead(n: number, overrides: Partial<LeadRow> = {}): LeadRow {
  const createdAt = new Date(Date.UTC(2026, 10, 21, 9, n)).toISOString();
  return {
    id: id(n),
    workspace_id: workspaceId,
    campaign_id: null,
    source_platform: "telegram",
    source_id: null,
    name: `Лид ${n}`,
    phone: null,
    language: "ru",
    status: "new",
    score: 40,
    client_id: null,
    handed_off_at: null,
    first_contact_at: null,
    first_response_at: null,
    created_at: createdAt,
    updated_at: createdAt,
    ...overrides,
  };
}

/** Answers the pending request with `leads` of `total`. */
function answer(state: InboxState, leads: InboxLeadRow[], total: number): InboxState {
  const requestId = state.request.id;
  const started = reduceInbox(state, { type: "fetch-start", requestId });
  return reduceInbox(started, { type: "fetch-done", requestId, leads, total });
}

const loaded = (leads: InboxLeadRow[], total: number) => answer(createInboxState(workspaceId), leads, total);

describe("reduceInbox", () => {
  it("re-queries quietly when a lead arrives live, and highlights the rows that appeared", () => {
    let state = loaded([row(1)], 1);
    const before = state.request.id;
    state = reduceInbox(state, { type: "lead-change", change: { kind: "insert", lead: lead(2) } });
    expect(state.request).toMatchObject({ id: before + 1, quiet: true, cause: "live" });
    state = answer(state, [row(2), row(1)], 2);
    expect(state.leads.map((l) => l.name)).toEqual(["Лид 2", "Лид 1"]);
    expect(state.total).toBe(2);
    expect([...state.freshIds]).toEqual([id(2)]);
  });

  it("does not highlight the first rows the user asked for", () => {
    expect(loaded([row(1), row(2)], 2).freshIds.size).toBe(0);
  });

  it("ignores a new lead the filters exclude", () => {
    let state = reduceInbox(loaded([row(1)], 1), {
      type: "filter",
      filters: { ...noFilters, status: "qualified" },
    });
    state = answer(state, [row(1, { status: "qualified" })], 1);
    const next = reduceInbox(state, { type: "lead-change", change: { kind: "insert", lead: lead(2) } });
    expect(next).toBe(state);
  });

  it("re-queries after an update, since a lead may enter or leave the filters", () => {
    const state = loaded([row(1)], 1);
    const next = reduceInbox(state, {
      type: "lead-change",
      change: { kind: "update", lead: lead(9, { status: "qualified" }) },
    });
    expect(next.request.id).toBe(state.request.id + 1);
  });

  it("re-queries when a conversation changes (the 'needs you' marker)", () => {
    const state = loaded([row(1)], 1);
    expect(reduceInbox(state, { type: "conversation-change" }).request.id).toBe(state.request.id + 1);
  });

  it("on a later page only counts a new lead, so the page does not jump under the reader", () => {
    let state = loaded([row(30)], 60);
    state = answer(reduceInbox(state, { type: "page", page: 2 }), [row(5)], 60);
    const requestId = state.request.id;
    state = reduceInbox(state, { type: "lead-change", change: { kind: "insert", lead: lead(99) } });
    expect(state.unseen).toBe(1);
    expect(state.request.id).toBe(requestId);
    state = reduceInbox(state, { type: "page", page: 1 });
    expect(state.unseen).toBe(0);
  });

  it("redoes a fetch that was in flight when a change arrived, instead of losing the change", () => {
    let state = loaded([row(1)], 1);
    state = reduceInbox(state, { type: "retry" });
    const requestId = state.request.id;
    state = reduceInbox(state, { type: "fetch-start", requestId });
    state = reduceInbox(state, { type: "lead-change", change: { kind: "insert", lead: lead(2) } });
    expect(state.request.id).toBe(requestId);
    state = reduceInbox(state, { type: "fetch-done", requestId, leads: [row(1)], total: 1 });
    expect(state.request).toMatchObject({ id: requestId + 1, quiet: true });
  });

  it("asks once for a burst of changes before the refresh starts", () => {
    let state = loaded([row(1)], 1);
    state = reduceInbox(state, { type: "conversation-change" });
    const requestId = state.request.id;
    state = reduceInbox(state, { type: "conversation-change" });
    state = reduceInbox(state, { type: "lead-change", change: { kind: "delete", id: id(1) } });
    expect(state.request.id).toBe(requestId);
  });

  it("ignores the answer to a request the user has moved on from", () => {
    let state = loaded([row(1)], 1);
    const old = state.request.id;
    state = reduceInbox(state, { type: "filter", filters: { ...noFilters, search: "Айгерим" } });
    state = reduceInbox(state, { type: "fetch-done", requestId: old, leads: [row(9)], total: 9 });
    expect(state.phase).toBe("loading");
    expect(state.total).toBe(1);
  });

  it("returns to page 1 and forgets the 'new leads' count when the filters change", () => {
    let state = answer(reduceInbox(loaded([row(1)], 30), { type: "page", page: 2 }), [row(2)], 30);
    state = reduceInbox(state, { type: "lead-change", change: { kind: "insert", lead: lead(50) } });
    state = reduceInbox(state, { type: "filter", filters: { ...noFilters, language: "kk" } });
    expect(state).toMatchObject({ page: 1, unseen: 0, phase: "loading" });
    expect(state.request).toMatchObject({ page: 1, quiet: false, filters: { language: "kk" } });
  });

  it("steps back a page when the current one came back empty", () => {
    let state = answer(reduceInbox(loaded([row(1)], 60), { type: "page", page: 3 }), [], 0);
    expect(state.page).toBe(2);
    expect(state.request).toMatchObject({ page: 2, quiet: false });
    state = answer(state, [row(7)], 30);
    expect(state.phase).toBe("ready");
  });

  it("catches up with the server after the live connection comes back", () => {
    let state = loaded([row(1)], 1);
    state = reduceInbox(state, { type: "live", status: "connected" });
    const requestId = state.request.id;
    state = reduceInbox(state, { type: "live", status: "reconnecting" });
    state = reduceInbox(state, { type: "live", status: "connected" });
    expect(state.request.id).toBe(requestId + 1);
    expect(state.live).toBe("connected");
  });

  it("shows an error with nothing loaded, and keeps the rows when only a refresh failed", () => {
    let first = createInboxState(workspaceId);
    first = reduceInbox(first, { type: "fetch-failed", requestId: first.request.id, action: "retry-later" });
    expect(first.phase).toBe("error");
    let later = reduceInbox(loaded([row(1)], 1), { type: "retry" });
    later = reduceInbox(later, { type: "fetch-failed", requestId: later.request.id, action: "retry-later" });
    expect(later).toMatchObject({ phase: "ready", failure: "retry-later" });
    expect(later.leads).toHaveLength(1);
  });
});
