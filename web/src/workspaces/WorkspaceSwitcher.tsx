import type { WorkspaceRow } from "../api/rows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Chooses the workspace whose leads are shown; the user's role in it is shown beside the name. */
export function WorkspaceSwitcher({
  workspaces,
  current,
  onSwitch,
}: {
  workspaces: WorkspaceRow[];
  current: WorkspaceRow;
  onSwitch: (workspace: WorkspaceRow) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="field field--inline workspace-switcher">
      <span className="field__label">{t("shell.workspace")}</span>
      <select
        data-testid="workspace-switcher"
        value={current.id}
        onChange={(event) => {
          const chosen = workspaces.find((workspace) => workspace.id === event.target.value);
          if (chosen !== undefined) onSwitch(chosen);
        }}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <span className="role-tag">{t(`role.${current.role}`)}</span>
    </label>
  );
}
