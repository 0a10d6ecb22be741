import { type WorkspaceRole, workspaceRoleSchema, workspaceRoles } from "./enums.ts";

/**
 * Whether a member's role (as read from the database: anything, or nothing for a non-member) is at least `min`
 * (owner > admin > operator > viewer), as `private.has_workspace_role()` decides in SQL.
 */
export function holdsRole(role: unknown, min: WorkspaceRole): boolean {
  const parsed = workspaceRoleSchema.safeParse(role);
  return parsed.success && workspaceRoles.indexOf(parsed.data) <= workspaceRoles.indexOf(min);
}
