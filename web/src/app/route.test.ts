import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "./route.ts";

const leadId = "00000000-0000-4000-8000-000000000001";

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
  });

  it("opens the settings", () => {
    expect(parseRoute("#/settings")).toEqual({ page: "settings" });
  });

  it("writes hashes that read back as the same route", () => {
    for (const route of [{ page: "leads" }, { page: "lead", leadId }, { page: "settings" }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});
