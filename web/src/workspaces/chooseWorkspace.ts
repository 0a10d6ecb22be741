import type { WorkspaceRow } from "../api/rows.ts";

/** The workspace to open: the remembered one if the user still belongs to it, else the first; null if none. */
export function chooseWorkspace(
  workspaces: WorkspaceRow[],
  rememberedId: string | null,
): WorkspaceRow | null {
  return workspaces.find((workspace) => workspace.id === rememberedId) ?? workspaces[0] ?? null;
}
