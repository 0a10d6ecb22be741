import { describe, expect, it } from "vitest";
import { nicheRefreshInput } from "./nicheRefreshInput.ts";
import type { NicheRow, ParserTaskRow } from "./researchRows.ts";

const niche: NicheRow = {
  id: "00000000-0000-4000-8000-00000000000a",
  name: "Кондиционеры",
  query: "кондиционер",
  city: "Almaty",
  status: "active",
  updated_at: "2026-11-21T09:00:00Z",
};

function nicheTask(input: unknown): ParserTaskRow {
  return {
    id: "00000000-0000-4000-8000-000000000002",
    workspace_id: "11111111-1111-4111-8111-111111111111",
    niche_id: niche.id,
    kind: "niche",
    input,
    status: "done",
    attempts: 1,
    max_attempts: 5,
    pages_total: 6,
    pages_done: 6,
    pages_failed: 0,
    items_found: 120,
    progress_note: null,
    error: null,
    created_at: "2026-11-20T09:00:00Z",
    started_at: "2026-11-20T09:00:01Z",
    finished_at: "2026-11-20T09:02:00Z",
    updated_at: "2026-11-20T09:02:00Z",
  };
}

describe("nicheRefreshInput", () => {
  it("searches the niche's query in its city on every marketplace when it was never researched", () => {
    expect(nicheRefreshInput(niche, [])).toEqual({
      query: "кондиционер",
      city: "Almaty",
      sites: ["olx", "kaspi", "satu"],
      max_pages: 3,
    });
  });

  it("repeats the marketplaces and pages of the latest research", () => {
    const latest = nicheTask({ query: "кондиционер", city: "Almaty", sites: ["olx"], max_pages: 5 });
    expect(nicheRefreshInput(niche, [latest])).toMatchObject({ sites: ["olx"], max_pages: 5 });
  });

  it("searches the niche's name when it has no query, anywhere when it has no city", () => {
    expect(nicheRefreshInput({ ...niche, query: null, city: " " }, [])).toMatchObject({
      query: "Кондиционеры",
      city: null,
    });
  });
});
