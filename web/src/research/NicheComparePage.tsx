import { compareNiches, type NicheReport } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { ErrorState } from "../app/ErrorState.tsx";
import { routeHash } from "../app/route.ts";
import { HorizontalBars } from "../charts/HorizontalBars.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type ComparedNiche, useComparedNiches } from "./useComparedNiches.ts";
import { useFigure } from "./useFigure.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/**
 * Niches side by side: one row per key figure from their latest reports, the best value of each row marked
 * (fewer competitors, a higher ticket, a cheaper lead…), and charts of their scores and median prices.
 */
export function NicheComparePage({
  client,
  nicheIds,
  onSessionExpired,
}: {
  client: SupabaseClient;
  nicheIds: readonly string[];
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const figure = useFigure();
  const translate = useTranslatedCode();
  const { state, retry } = useComparedNiches(client, nicheIds, onSessionExpired);

  const back = (
    <a className="lead-header__back" href={routeHash({ page: "research" })}>
      ← {t("research.back")}
    </a>
  );
  if (state.phase === "loading") return <p className="muted state-message">{t("app.loading")}</p>;
  if (state.phase === "error")
    return <ErrorState title={t("niche.compare.error")} action={state.action} onRetry={retry} />;

  const withReport = state.niches.filter(
    (entry): entry is ComparedNiche & { report: NicheReport } => entry.report !== null,
  );
  const withoutReport = state.niches.filter((entry) => entry.report === null);
  if (withReport.length < 2) {
    return (
      <section className="empty-state" data-testid="compare-too-few">
        {back}
        <h2>{t("niche.compare.tooFew.title")}</h2>
        <p>{t("niche.compare.tooFew.body")}</p>
      </section>
    );
  }
  const comparison = compareNiches(withReport.map((entry) => entry.report));
  const names = withReport.map((entry) => entry.niche.name);
  const highestMedian = Math.max(0, ...withReport.map((entry) => entry.report.prices.median ?? 0));

  return (
    <article className="research-page compare-page" data-testid="compare-page">
      <header className="lead-header">
        {back}
        <div className="lead-header__title">
          <h1>{t("niche.compare.title")}</h1>
        </div>
      </header>
      {withoutReport.length > 0 && (
        <p className="notice">
          {t("niche.compare.withoutReport", {
            names: withoutReport.map((entry) => entry.niche.name).join(", "),
          })}
        </p>
      )}
      <div className="table-wrap">
        <table className="data-table compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t("niche.compare.figure")}</th>
              {withReport.map((entry) => (
                <th key={entry.niche.id} scope="col" data-testid="compare-niche">
                  <a href={routeHash({ page: "niche", nicheId: entry.niche.id })}>{entry.niche.name}</a>
                  <span className="muted compare-table__city">
                    {entry.report.city ?? t("research.niche.anyCity")}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.key} data-testid="compare-row" data-key={row.key}>
                <th scope="row">
                  {translate(row.label_key, row.key)}
                  {row.better !== null && (
                    <span className="muted compare-table__better">
                      {" "}
                      {t(`niche.compare.better.${row.better}`)}
                    </span>
                  )}
                </th>
                {row.values.map((value, position) => {
                  const best = row.best.includes(position);
                  return (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: one cell per compared niche, in their order.
                      key={position}
                      className={`data-table__number${best ? " is-best" : ""}`}
                      data-best={best}
                    >
                      {figure(value, row.unit)}
                      {best && <span className="visually-hidden"> ({t("niche.compare.best")})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="compare-charts">
        <section className="panel">
          <h2>{t("niche.compare.scores")}</h2>
          <HorizontalBars
            title={t("niche.compare.scores")}
            max={100}
            data={withReport.map((entry, index) => ({
              key: entry.niche.id,
              label: names[index] ?? "",
              value: entry.report.score.total ?? 0,
              valueLabel: figure(entry.report.score.total, "points"),
            }))}
            testId="compare-score-chart"
          />
        </section>
        <section className="panel">
          <h2>{t("niche.compare.medians")}</h2>
          <HorizontalBars
            title={t("niche.compare.medians")}
            max={highestMedian}
            data={withReport.map((entry, index) => ({
              key: entry.niche.id,
              label: names[index] ?? "",
              value: entry.report.prices.median ?? 0,
              valueLabel: figure(entry.report.prices.median, "kzt"),
            }))}
            testId="compare-median-chart"
          />
        </section>
      </div>
    </article>
  );
}
