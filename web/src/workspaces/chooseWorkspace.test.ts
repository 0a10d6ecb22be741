import { describe, expect, it } from "vitest";
import type { WorkspaceRow } from "../api/rows.ts";
import { chooseWorkspace } from "./chooseWorkspace.ts";

const almaty: WorkspaceRow = {
  id: "11111111-1111-4111-8111-111111111111",
  name: "Almaty",
  slug: "almaty",
  role: "owner",
};
const astana: WorkspaceRow = {
  id: "22222222-2222-4222-8222-222222222222",
  name: "Astana",
  slug: "astana",
  role: "viewer",
};

describe("chooseWorkspace", () => {
  it("reopens the remembered workspace", () => {
    expect(chooseWorkspace([almaty, astana], astana.id)).toBe(astana);
  });

  it("falls back to the first when the remembered one is gone or nothing was remembered", () => {
    expect(chooseWorkspace([almaty, astana], "33333333-3333-4333-8333-333333333333")).toBe(almaty);
    expect(chooseWorkspace([almaty, astana], null)).toBe(almaty);
  });

  it("gives null to a user without workspaces", () => {
    expect(chooseWorkspace([], almaty.id)).toBeNull();
  });
});
