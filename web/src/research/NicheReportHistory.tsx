import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { readNicheReport } from "./readNicheReport.ts";
import type { MarketResearchRow } from "./researchRows.ts";
import { useFigure } from "./useFigure.ts";

/** The niche's reports over time, newest first: how the score, the supply, the median price and a lead's cost moved. */
export function NicheReportHistory({ rows }: { rows: readonly MarketResearchRow[] }) {
  const { t } = useI18n();
  const figure = useFigure();
  return (
    <section className="panel" data-testid="niche-history">
      <h2>{t("niche.history.title")}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("niche.history.collected")}</th>
            <th scope="col">{t("niche.compare.score")}</th>
            <th scope="col">{t("niche.compare.supply")}</th>
            <th scope="col">{t("niche.compare.price_median")}</th>
            <th scope="col">{t("niche.compare.cpl")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const report = readNicheReport(row);
            return (
              <tr key={row.id} data-testid="niche-history-row">
                <td>{formatAlmatyTime(row.collected_at)}</td>
                {report === null ? (
                  <td colSpan={4} className="muted">
                    {t("niche.report.unreadable")}
                  </td>
                ) : (
                  <>
                    <td className="data-table__number">{figure(report.score.total, "points")}</td>
                    <td className="data-table__number">{figure(report.supply.estimate, "count")}</td>
                    <td className="data-table__number">{figure(report.prices.median, "kzt")}</td>
                    <td className="data-table__number">{figure(report.cost_per_lead.cpl_kzt, "kzt")}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
