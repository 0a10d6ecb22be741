import type { LeadStatus } from "../api/rows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A lead's status as a coloured, translated badge. */
export function StatusBadge({ status }: { status: LeadStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
