import type { DemandSummary, FreshnessSummary, SupplySummary } from "@arqan/shared";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useFigure } from "./useFigure.ts";
import { useSiteName } from "./useSiteName.ts";

/**
 * The market's size and pulse: supply per marketplace (what the site reports against what was read), how fresh
 * the listings are, and the demand signs (views, Kaspi reviews, paid promotion).
 */
export function NicheMarketPanel({
  supply,
  freshness,
  demand,
}: {
  supply: SupplySummary;
  freshness: FreshnessSummary;
  demand: DemandSummary;
}) {
  const { t, plural } = useI18n();
  const figure = useFigure();
  const siteName = useSiteName();
  return (
    <section className="panel niche-market" data-testid="niche-market">
      <h2>{t("niche.supply.title")}</h2>
      <p>
        {supply.measured
          ? t("niche.supply.estimate", { count: figure(supply.estimate, "count") })
          : t("niche.supply.unknown")}
      </p>
      <p className="muted">
        {plural("niche.supply.read", supply.listings_read)}
        {supply.duplicates_dropped > 0 && (
          <> · {plural("niche.supply.duplicates", supply.duplicates_dropped)}</>
        )}
      </p>
      <table className="data-table" data-testid="niche-supply">
        <thead>
          <tr>
            <th scope="col">{t("niche.column.site")}</th>
            <th scope="col">{t("niche.supply.reported")}</th>
            <th scope="col">{t("niche.supply.readColumn")}</th>
            <th scope="col">{t("niche.supply.pages")}</th>
            <th scope="col">{t("niche.supply.promoted")}</th>
            <th scope="col">{t("niche.supply.counted")}</th>
          </tr>
        </thead>
        <tbody>
          {supply.sites.map((site) => (
            <tr key={site.site} data-site={site.site} data-blocked={site.blocked}>
              <td>
                {siteName(site.site)}
                {site.blocked && <span className="channel-error">{t("niche.supply.blocked")}</span>}
              </td>
              <td className="data-table__number">{figure(site.reported_total, "count")}</td>
              <td className="data-table__number">{figure(site.read, "count")}</td>
              <td className="data-table__number">{figure(site.pages_read, "count")}</td>
              <td className="data-table__number">{figure(site.promoted, "count")}</td>
              <td className="data-table__number">
                {figure(site.estimate, "count")}{" "}
                <span className="muted">({t(`niche.supply.basis.${site.estimate_basis}`)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="summary-grid">
        <div data-testid="niche-freshness">
          <h3>{t("niche.freshness.title")}</h3>
          <dl className="facts facts--stacked">
            <div>
              <dt>{t("niche.freshness.perDay")}</dt>
              <dd>{figure(freshness.listings_per_day, "per_day")}</dd>
            </div>
            <div>
              <dt>{t("niche.freshness.lastWeek")}</dt>
              <dd>{figure(freshness.share_last_7_days, "share")}</dd>
            </div>
            <div>
              <dt>{t("niche.freshness.medianAge")}</dt>
              <dd>
                {freshness.median_age_days === null
                  ? "—"
                  : t("niche.freshness.days", { count: figure(freshness.median_age_days, "days") })}
              </dd>
            </div>
            <div>
              <dt>{t("niche.freshness.window")}</dt>
              <dd>
                {freshness.window_days === null
                  ? "—"
                  : t("niche.freshness.windowValue", {
                      count: figure(freshness.listings_in_window, "count"),
                      days: figure(freshness.window_days, "days"),
                    })}
              </dd>
            </div>
          </dl>
          <p className="muted">
            {t("niche.freshness.dated", { dated: freshness.dated, undated: freshness.undated })}
          </p>
        </div>
        <div data-testid="niche-demand">
          <h3>{t("niche.demand.title")}</h3>
          <dl className="facts facts--stacked">
            <div>
              <dt>{t("niche.demand.viewsMedian")}</dt>
              <dd>{figure(demand.views.median, "count")}</dd>
            </div>
            <div>
              <dt>{t("niche.demand.viewsSum")}</dt>
              <dd>{figure(demand.views.sum, "count")}</dd>
            </div>
            <div>
              <dt>{t("niche.demand.reviewsMedian")}</dt>
              <dd>{figure(demand.reviews.median, "count")}</dd>
            </div>
            <div>
              <dt>{t("niche.demand.promoted")}</dt>
              <dd>
                {figure(demand.promoted.share, "share")} ({figure(demand.promoted.listings, "count")})
              </dd>
            </div>
          </dl>
          <p className="muted">
            {t("niche.demand.basis", { views: demand.views.listings, reviews: demand.reviews.listings })}
          </p>
        </div>
      </div>
    </section>
  );
}
