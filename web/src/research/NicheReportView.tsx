import type { NicheReport } from "@arqan/shared";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { NicheCostPerLeadPanel } from "./NicheCostPerLeadPanel.tsx";
import { NicheMarketPanel } from "./NicheMarketPanel.tsx";
import { NichePricesPanel } from "./NichePricesPanel.tsx";
import { NicheScoreCard } from "./NicheScoreCard.tsx";
import { NicheSellersPanel } from "./NicheSellersPanel.tsx";
import { NicheWarnings } from "./NicheWarnings.tsx";

/** One niche report, whole: warnings first, then the score, prices, sellers, market and the cost of a lead. */
export function NicheReportView({ report }: { report: NicheReport }) {
  const { t } = useI18n();
  return (
    <div className="niche-report" data-testid="niche-report">
      <p className="muted">
        {t("niche.report.collected", {
          when: formatAlmatyTime(report.collected_at),
          query: report.query,
          city: report.city ?? t("research.niche.anyCity"),
        })}
      </p>
      <NicheWarnings warnings={report.warnings} />
      <div className="niche-report__columns">
        <NicheScoreCard score={report.score} />
        <NicheCostPerLeadPanel cost={report.cost_per_lead} />
      </div>
      <NichePricesPanel prices={report.prices} />
      <NicheSellersPanel sellers={report.sellers} />
      <NicheMarketPanel supply={report.supply} freshness={report.freshness} demand={report.demand} />
    </div>
  );
}
