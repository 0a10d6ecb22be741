import { describe, expect, it } from "vitest";
import { parseRoute, type Route, routeHash } from "./route.ts";

const leadId = "00000000-0000-4000-8000-000000000001";
const taskId = "00000000-0000-4000-8000-000000000002";
const nicheA = "00000000-0000-4000-8000-00000000000a";
const nicheB = "00000000-0000-4000-8000-00000000000b";

describe("parseRoute", () => {
  it("opens the inbox for an empty hash, the old #leads and anything unknown", () => {
    expect(parseRoute("")).toEqual({ page: "leads" });
    expect(parseRoute("#leads")).toEqual({ page: "leads" });
    expect(parseRoute("#/leads")).toEqual({ page: "leads" });
    expect(parseRoute("#/nowhere/else")).toEqual({ page: "leads" });
  });

  it("opens a lead's page by its id", () => {
    expect(parseRoute(`#/leads/${leadId}`)).toEqual({ page: "lead", leadId });
    expect(parseRoute(`#/leads/${leadId}/`)).toEqual({ page: "lead", leadId });
  });

  it("does not take a malformed id for a lead", () => {
    expect(parseRoute("#/leads/not-an-id")).toEqual({ page: "leads" });
    expect(parseRoute(`#/leads/${leadId}/extra`)).toEqual({ page: "leads" });
    expect(parseRoute("#/leads/%E0%A4%A")).toEqual({ page: "leads" });
  });

  it("opens the settings", () => {
    expect(parseRoute("#/settings")).toEqual({ page: "settings" });
  });

  it("opens the research home, a task and a niche", () => {
    expect(parseRoute("#/research")).toEqual({ page: "research" });
    expect(parseRoute("#/research/")).toEqual({ page: "research" });
    expect(parseRoute(`#/research/tasks/${taskId}`)).toEqual({ page: "researchTask", taskId });
    expect(parseRoute(`#/research/niches/${nicheA}`)).toEqual({ page: "niche", nicheId: nicheA });
  });

  it("falls back to the research home for a research address that names nothing", () => {
    expect(parseRoute("#/research/tasks/not-an-id")).toEqual({ page: "research" });
    expect(parseRoute(`#/research/tasks/${taskId}/extra`)).toEqual({ page: "research" });
    expect(parseRoute(`#/research/shops/${taskId}`)).toEqual({ page: "research" });
  });

  it("reads the compared niches from ?ids=, dropping malformed and repeated ids and keeping at most four", () => {
    expect(parseRoute(`#/research/compare?ids=${nicheA},${nicheB}`)).toEqual({
      page: "nicheCompare",
      nicheIds: [nicheA, nicheB],
    });
    expect(parseRoute(`#/research/compare?ids=${nicheA},junk,${nicheA}`)).toEqual({
      page: "nicheCompare",
      nicheIds: [nicheA],
    });
    expect(parseRoute("#/research/compare")).toEqual({ page: "nicheCompare", nicheIds: [] });
    const five = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    expect(parseRoute(`#/research/compare?ids=${five.join(",")}`)).toEqual({
      page: "nicheCompare",
      nicheIds: five.slice(0, 4),
    });
  });

  it("writes hashes that read back as the same route", () => {
    const routes: Route[] = [
      { page: "leads" },
      { page: "lead", leadId },
      { page: "settings" },
      { page: "research" },
      { page: "researchTask", taskId },
      { page: "niche", nicheId: nicheA },
      { page: "nicheCompare", nicheIds: [nicheA, nicheB] },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
