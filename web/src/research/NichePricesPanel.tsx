import type { PriceSummary } from "@arqan/shared";
import { Histogram } from "../charts/Histogram.tsx";
import { formatTenge } from "../format/formatTenge.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useFigure } from "./useFigure.ts";
import { useSiteName } from "./useSiteName.ts";

/**
 * Prices in the niche: how many listings had a tenge price, the quartiles, the mean, the outliers, the
 * distribution as a histogram, and the median per marketplace.
 */
export function NichePricesPanel({ prices }: { prices: PriceSummary }) {
  const { t, plural } = useI18n();
  const figure = useFigure();
  const siteName = useSiteName();
  const facts: [string, number | null][] = [
    [t("niche.prices.min"), prices.min],
    [t("niche.prices.p25"), prices.p25],
    [t("niche.prices.median"), prices.median],
    [t("niche.prices.p75"), prices.p75],
    [t("niche.prices.max"), prices.max],
    [t("niche.prices.mean"), prices.mean],
  ];
  const { histogram } = prices;
  return (
    <section className="panel" data-testid="niche-prices">
      <h2>{t("niche.prices.title")}</h2>
      <p className="muted">{plural("niche.prices.count", prices.count)}</p>
      <dl className="facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{figure(value, "kzt")}</dd>
          </div>
        ))}
      </dl>
      {histogram.bins.length > 0 ? (
        <Histogram
          bins={histogram.bins}
          title={t("niche.prices.histogram")}
          formatValue={formatTenge}
          testId="niche-price-histogram"
        />
      ) : (
        <p className="muted">{t("niche.prices.noChart")}</p>
      )}
      <ul className="niche-notes">
        {(prices.outliers.low > 0 || prices.outliers.high > 0) && (
          <li>{t("niche.prices.outliers", { low: prices.outliers.low, high: prices.outliers.high })}</li>
        )}
        {(histogram.clamped_low > 0 || histogram.clamped_high > 0) && (
          <li>{t("niche.prices.clamped", { low: histogram.clamped_low, high: histogram.clamped_high })}</li>
        )}
        {prices.dropped_other_currency > 0 && (
          <li>{plural("niche.prices.otherCurrency", prices.dropped_other_currency)}</li>
        )}
        {prices.dropped_not_positive > 0 && (
          <li>{plural("niche.prices.notPositive", prices.dropped_not_positive)}</li>
        )}
      </ul>
      {prices.by_site.length > 0 && (
        <table className="data-table" data-testid="niche-prices-by-site">
          <thead>
            <tr>
              <th scope="col">{t("niche.column.site")}</th>
              <th scope="col">{t("niche.prices.withPrice")}</th>
              <th scope="col">{t("niche.prices.median")}</th>
            </tr>
          </thead>
          <tbody>
            {prices.by_site.map((site) => (
              <tr key={site.site}>
                <td>{siteName(site.site)}</td>
                <td className="data-table__number">{figure(site.count, "count")}</td>
                <td className="data-table__number">{figure(site.median, "kzt")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
