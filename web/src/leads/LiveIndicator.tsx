import type { LiveStatus } from "../api/dashboardQueries.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Whether new leads arrive on their own right now; `data-state` is for tests. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`live live--${status}`}
      data-testid="live-indicator"
      data-state={status}
      title={t("live.hint")}
      role="status"
    >
      <span className="live__dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}
