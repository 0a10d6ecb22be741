import { describe, expect, it } from "vitest";
import type { LeadRow } from "../api/rows.ts";
import { applyLeadChange } from "./applyLeadChange.ts";
import type { LeadsView } from "./leadsView.ts";

const workspaceId = "11111111-1111-4111-8111-111111111111";
const otherWorkspaceId = "22222222-2222-4222-8222-222222222222";

function leadId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** Lead number n was created n minutes after 09:00 UTC; a higher n is newer. */
function lead(n: number, overrides: Partial<LeadRow> = {}): LeadRow {
  const createdAt = new Date(Date.UTC(2026, 10, 21, 9, n)).toISOString();
  return {
    id: leadId(n),
    workspace_id: workspaceId,
    campaign_id: null,
    source_platform: "olx",
    source_id: `olx-${n}`,
    name: `Лид ${n}`,
    phone: "+77011234567",
    language: "ru",
    status: "new",
    score: 10,
    client_id: null,
    handed_off_at: null,
    first_contact_at: null,
    first_response_at: null,
    created_at: createdAt,
    updated_at: createdAt,
    ...overrides,
  };
}

function view(overrides: Partial<LeadsView> = {}): LeadsView {
  return {
    workspaceId,
    status: null,
    source: null,
    page: 1,
    pageSize: 3,
    leads: [lead(30), lead(20), lead(10)],
    total: 7,
    unseen: 0,
    ...overrides,
  };
}

const ids = (v: LeadsView) => v.leads.map((row) => row.id);

describe("applyLeadChange: inserts", () => {
  it("puts a new lead at the top of page 1, drops the last row of a full page and bumps the total", () => {
    const result = applyLeadChange(view(), { kind: "insert", lead: lead(40) });
    expect(result.outcome).toBe("shown");
    expect(ids(result.view)).toEqual([leadId(40), leadId(30), leadId(20)]);
    expect(result.view.total).toBe(8);
    expect(result.view.unseen).toBe(0);
  });

  it("adds to a page 1 that is not full without dropping anything", () => {
    const result = applyLeadChange(view({ leads: [lead(30)], total: 1 }), { kind: "insert", lead: lead(40) });
    expect(ids(result.view)).toEqual([leadId(40), leadId(30)]);
    expect(result.view.total).toBe(2);
  });

  it("on a later page only counts the new lead, so the page does not jump under the reader", () => {
    const result = applyLeadChange(view({ page: 2 }), { kind: "insert", lead: lead(40) });
    expect(result.outcome).toBe("counted");
    expect(ids(result.view)).toEqual([leadId(30), leadId(20), leadId(10)]);
    expect(result.view.total).toBe(8);
    expect(result.view.unseen).toBe(1);
  });

  it("ignores a new lead that the status or source filter hides", () => {
    const byStatus = applyLeadChange(view({ status: "qualified" }), { kind: "insert", lead: lead(40) });
    expect(byStatus.outcome).toBe("ignored");
    expect(byStatus.view.total).toBe(7);
    const bySource = applyLeadChange(view({ source: "telegram" }), { kind: "insert", lead: lead(40) });
    expect(bySource.outcome).toBe("ignored");
  });

  it("shows a new lead that passes both filters", () => {
    const result = applyLeadChange(view({ status: "new", source: "telegram", leads: [], total: 0 }), {
      kind: "insert",
      lead: lead(40, { source_platform: "telegram" }),
    });
    expect(result.outcome).toBe("shown");
    expect(result.view.total).toBe(1);
  });

  it("ignores a lead of another workspace", () => {
    const result = applyLeadChange(view(), {
      kind: "insert",
      lead: lead(40, { workspace_id: otherWorkspaceId }),
    });
    expect(result.outcome).toBe("ignored");
    expect(result.view.leads).toHaveLength(3);
  });

  it("treats an insert of a lead already on the page as an update (replaying after a fetch is safe)", () => {
    const result = applyLeadChange(view(), { kind: "insert", lead: lead(30, { name: "Айгерим" }) });
    expect(result.outcome).toBe("updated");
    expect(result.view.total).toBe(7);
    expect(result.view.leads[0]?.name).toBe("Айгерим");
  });

  it("counts, without announcing, a backdated lead older than a full first page", () => {
    const result = applyLeadChange(view(), { kind: "insert", lead: lead(5) });
    expect(result.outcome).toBe("counted");
    expect(ids(result.view)).toEqual([leadId(30), leadId(20), leadId(10)]);
    expect(result.view.total).toBe(8);
    expect(result.view.unseen).toBe(0);
  });

  it("places a lead by its creation time when it is not the newest", () => {
    const result = applyLeadChange(view(), { kind: "insert", lead: lead(25) });
    expect(ids(result.view)).toEqual([leadId(30), leadId(25), leadId(20)]);
  });
});

describe("applyLeadChange: updates", () => {
  it("changes a row in place", () => {
    const result = applyLeadChange(view(), {
      kind: "update",
      lead: lead(20, { status: "qualified", score: 85 }),
    });
    expect(result.outcome).toBe("updated");
    expect(ids(result.view)).toEqual([leadId(30), leadId(20), leadId(10)]);
    expect(result.view.leads[1]).toMatchObject({ status: "qualified", score: 85 });
    expect(result.view.total).toBe(7);
  });

  it("removes a row that no longer passes the status filter and lowers the total", () => {
    const result = applyLeadChange(view({ status: "new" }), {
      kind: "update",
      lead: lead(20, { status: "contacted" }),
    });
    expect(result.outcome).toBe("removed");
    expect(ids(result.view)).toEqual([leadId(30), leadId(10)]);
    expect(result.view.total).toBe(6);
  });

  it("asks for a refetch when a lead off the page changes under filters (it may have entered them)", () => {
    const result = applyLeadChange(view({ status: "qualified" }), {
      kind: "update",
      lead: lead(99, { status: "qualified" }),
    });
    expect(result.outcome).toBe("stale");
    expect(result.view).toEqual(view({ status: "qualified" }));
  });

  it("ignores a change to a lead on another page when nothing is filtered", () => {
    expect(applyLeadChange(view(), { kind: "update", lead: lead(99) }).outcome).toBe("ignored");
  });
});

describe("applyLeadChange: deletes", () => {
  it("removes the row and lowers the total", () => {
    const result = applyLeadChange(view(), { kind: "delete", id: leadId(30) });
    expect(result.outcome).toBe("removed");
    expect(ids(result.view)).toEqual([leadId(20), leadId(10)]);
    expect(result.view.total).toBe(6);
  });

  it("asks for a refetch when the deleted lead is not on the page (only the server knows if it counted)", () => {
    const result = applyLeadChange(view(), { kind: "delete", id: leadId(99) });
    expect(result.outcome).toBe("stale");
    expect(result.view.total).toBe(7);
  });
});
