import { useI18n } from "../i18n/I18nProvider.tsx";
import type { TaskStatus } from "./researchRows.ts";
import { readSummaryFindings, type TaskSummary } from "./taskSummary.ts";
import { useSiteName } from "./useSiteName.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/**
 * What the task read, counted: pages by kind and by how they were fetched, products by site; and what the
 * operator should know — pages that needed a browser, fields the readers missed (the layout may have changed),
 * pages blocked or failed, and why the task ended partial or blocked.
 */
export function TaskSummaryPanel({ summary, status }: { summary: TaskSummary; status: TaskStatus }) {
  const { t, plural, formatNumber } = useI18n();
  const translate = useTranslatedCode();
  const siteName = useSiteName();
  const findings = readSummaryFindings(summary);
  const counts = (entries: Record<string, number>, name: (key: string) => string) =>
    Object.entries(entries)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([key, count]) => (
        <li key={key} data-key={key} data-count={count}>
          {name(key)}: <strong>{formatNumber(count)}</strong>
        </li>
      ));
  return (
    <section className="panel" data-testid="task-summary">
      <h2>{t("research.summary.title")}</h2>
      <div className="summary-grid">
        <div>
          <h3>{t("research.summary.pages", { count: formatNumber(summary.pages) })}</h3>
          <ul className="count-list" data-testid="summary-by-kind">
            {counts(summary.by_kind, (kind) => translate(`research.pageKind.${kind}`, kind))}
          </ul>
        </div>
        <div>
          <h3>{t("research.summary.byPath")}</h3>
          <ul className="count-list" data-testid="summary-by-path">
            {counts(summary.by_fetch_path, (path) => translate(`research.fetchPath.${path}`, path))}
          </ul>
        </div>
        <div>
          <h3>{t("research.summary.products", { count: formatNumber(summary.products) })}</h3>
          <ul className="count-list" data-testid="summary-products">
            {counts(summary.products_by_site, siteName)}
          </ul>
        </div>
      </div>

      {(status === "partial" || status === "blocked") && (
        <p className="notice" data-testid="summary-outcome">
          {t(`research.summary.outcome.${status}`)}
        </p>
      )}
      {findings.browserPages > 0 && (
        <p className="notice notice--info" data-testid="summary-browser">
          {plural("research.summary.browserNeeded", findings.browserPages)}
        </p>
      )}
      {findings.blockedPages > 0 && (
        <p className="notice" data-testid="summary-blocked">
          {plural("research.summary.blockedPages", findings.blockedPages)}
        </p>
      )}
      {findings.failedPages > 0 && (
        <p className="notice" data-testid="summary-failed">
          {plural("research.summary.failedPages", findings.failedPages)}
          {Object.keys(summary.errors).length > 0 && (
            <>
              {" "}
              (
              {Object.entries(summary.errors)
                .map(([code, count]) => `${code}: ${formatNumber(count)}`)
                .join(", ")}
              )
            </>
          )}
        </p>
      )}
      {findings.missed.length > 0 && (
        <div className="notice" data-testid="summary-missing">
          <p>{t("research.summary.layoutChanged")}</p>
          <ul>
            {findings.missed.map((missed) => (
              <li key={missed.field} data-field={missed.field} data-pages={missed.pages}>
                <code>{missed.field}</code> — {plural("research.summary.missedOn", missed.pages)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
