import { useI18n } from "../i18n/I18nProvider.tsx";

/** "1–25 из 137" with previous/next buttons. */
export function LeadsPager({
  page,
  pageSize,
  shown,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  /** Rows on this page; null while they load. */
  shown: number | null;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t, formatNumber } = useI18n();
  const from = (page - 1) * pageSize + 1;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const range =
    shown === null
      ? "…"
      : shown === 0
        ? t("leads.rangeEmpty")
        : t("leads.range", {
            from: formatNumber(from),
            to: formatNumber(from + shown - 1),
            total: formatNumber(total),
          });
  return (
    <nav className="pager" aria-label={t("leads.pager.label")}>
      <span className="pager__range" data-testid="leads-total" data-total={total} aria-busy={shown === null}>
        {range}
      </span>
      <button
        className="button"
        type="button"
        data-testid="pager-prev"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← {t("leads.pager.prev")}
      </button>
      <button
        className="button"
        type="button"
        data-testid="pager-next"
        disabled={page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        {t("leads.pager.next")} →
      </button>
    </nav>
  );
}
