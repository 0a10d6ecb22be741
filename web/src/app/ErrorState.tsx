import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A failed load: what failed, what to do, and a retry button when retrying can help. */
export function ErrorState({
  title,
  action,
  onRetry,
}: {
  title: string;
  action: QueryFailureAction;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="error-state" role="alert">
      <h2>{title}</h2>
      <p>{t(`error.${action}`)}</p>
      {action !== "sign-in-again" && (
        <button className="button" type="button" onClick={onRetry}>
          {t("error.retry")}
        </button>
      )}
    </section>
  );
}
