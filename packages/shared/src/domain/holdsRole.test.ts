import { describe, expect, it } from "vitest";
import { holdsRole } from "./holdsRole.ts";

describe("holdsRole", () => {
  it("orders roles owner > admin > operator > viewer", () => {
    expect(["owner", "admin", "operator", "viewer"].map((role) => holdsRole(role, "operator"))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(holdsRole("admin", "owner")).toBe(false);
    expect(holdsRole("viewer", "viewer")).toBe(true);
  });

  it("refuses a non-member or an unknown role", () => {
    expect(holdsRole(undefined, "viewer")).toBe(false);
    expect(holdsRole(null, "viewer")).toBe(false);
    expect(holdsRole("superuser", "viewer")).toBe(false);
  });
});
