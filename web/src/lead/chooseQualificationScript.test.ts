import { describe, expect, it } from "vitest";
import type { QualificationScriptRow } from "../api/settingsRows.ts";
import { chooseQualificationScript } from "./chooseQualificationScript.ts";

const workspaceId = "11111111-1111-4111-8111-111111111111";
const nicheA = "0a000000-0000-4000-8000-00000000000a";
const nicheB = "0b000000-0000-4000-8000-00000000000b";

function script(nicheId: string | null): QualificationScriptRow {
  return {
    id: `00000000-0000-4000-8000-00000000000${nicheId === null ? 0 : nicheId === nicheA ? 1 : 2}`,
    workspace_id: workspaceId,
    niche_id: nicheId,
    name: nicheId ?? "default",
    script: {},
    updated_at: "2026-11-21T09:00:00Z",
  };
}

describe("chooseQualificationScript", () => {
  const all = [script(null), script(nicheA), script(nicheB)];

  it("prefers the campaign's niche", () => {
    expect(chooseQualificationScript(all, nicheA, [nicheB])?.niche_id).toBe(nicheA);
  });

  it("then the channel's niche", () => {
    expect(chooseQualificationScript(all, null, [null, nicheB])?.niche_id).toBe(nicheB);
  });

  it("then the workspace default, when the niches have no script of their own", () => {
    expect(chooseQualificationScript([script(null)], nicheA, [nicheB])?.niche_id).toBeNull();
  });

  it("then nothing: the built-in default applies", () => {
    expect(chooseQualificationScript([script(nicheB)], nicheA, [])).toBeNull();
  });
});
