import { describe, expect, it } from "vitest";
import { readNicheForm } from "./readNicheForm.ts";

const fields = { query: "  кондиционер ", city: "Almaty", sites: ["kaspi", "olx"] as const, maxPages: "3" };

describe("readNicheForm", () => {
  it("gives the task's input with the query trimmed and the marketplaces in their usual order", () => {
    expect(readNicheForm(fields)).toEqual({
      ok: true,
      input: { query: "кондиционер", city: "Almaty", sites: ["olx", "kaspi"], max_pages: 3 },
    });
  });

  it("researches every city when none is chosen", () => {
    const result = readNicheForm({ ...fields, city: "" });
    expect(result.ok && result.input.city).toBeNull();
  });

  it("names every problem at once: no query, no marketplace, pages out of 1–20", () => {
    expect(readNicheForm({ query: " ", city: "", sites: [], maxPages: "21" })).toEqual({
      ok: false,
      problems: [{ code: "invalid_query" }, { code: "no_sites" }, { code: "invalid_max_pages" }],
    });
    expect(readNicheForm({ ...fields, maxPages: "0" }).ok).toBe(false);
    expect(readNicheForm({ ...fields, maxPages: "" }).ok).toBe(false);
  });

  it("refuses a query longer than the server takes", () => {
    expect(readNicheForm({ ...fields, query: "к".repeat(201) }).ok).toBe(false);
    expect(readNicheForm({ ...fields, query: "к".repeat(200) }).ok).toBe(true);
  });
});
