import type { SellerSummary } from "@arqan/shared";
import { HorizontalBars } from "../charts/HorizontalBars.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { buildSellerShares } from "./buildSellerShares.ts";
import { useFigure } from "./useFigure.ts";

/**
 * Who sells in the niche: the top sellers' shares of the listings (and everyone else's), how concentrated the
 * market is (top 1/3/5 shares, the Herfindahl–Hirschman index), and businesses against private sellers.
 */
export function NicheSellersPanel({ sellers }: { sellers: SellerSummary }) {
  const { t, plural } = useI18n();
  const figure = useFigure();
  const shares = buildSellerShares(sellers);
  const { seller_type: types } = sellers;
  return (
    <section className="panel" data-testid="niche-sellers">
      <h2>{t("niche.sellers.title")}</h2>
      <p className="muted">
        {plural("niche.sellers.unique", sellers.unique_sellers)} ·{" "}
        {plural("niche.sellers.withSeller", sellers.listings_with_seller)}
        {sellers.listings_without_seller > 0 && (
          <> · {plural("niche.sellers.withoutSeller", sellers.listings_without_seller)}</>
        )}
      </p>
      {shares.length > 0 ? (
        <HorizontalBars
          title={t("niche.sellers.chart")}
          description={t("niche.sellers.chartHint")}
          max={1}
          data={shares.map((share) => ({
            key: share.key,
            label: share.seller ?? t("niche.sellers.others"),
            value: share.share,
            valueLabel: `${figure(share.share, "share")} · ${figure(share.listings, "count")}`,
          }))}
          testId="niche-seller-chart"
        />
      ) : (
        <p className="muted">{t("niche.sellers.none")}</p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("niche.sellers.top1")}</dt>
          <dd>{figure(sellers.top1_share, "share")}</dd>
        </div>
        <div>
          <dt>{t("niche.sellers.top3")}</dt>
          <dd>{figure(sellers.top3_share, "share")}</dd>
        </div>
        <div>
          <dt>{t("niche.sellers.top5")}</dt>
          <dd>{figure(sellers.top5_share, "share")}</dd>
        </div>
        <div>
          <dt title={t("niche.sellers.hhiHint")}>{t("niche.sellers.hhi")}</dt>
          <dd data-testid="niche-hhi">{figure(sellers.hhi, "hhi")}</dd>
        </div>
      </dl>
      <p className="muted">{t("niche.sellers.hhiHint")}</p>
      <h3>{t("niche.sellers.types")}</h3>
      {types.known > 0 ? (
        <HorizontalBars
          title={t("niche.sellers.types")}
          max={1}
          data={[
            {
              key: "business",
              label: t("research.sellerType.business"),
              value: types.business_share ?? 0,
              valueLabel: figure(types.business_share, "share"),
            },
            {
              key: "private",
              label: t("research.sellerType.private"),
              value: types.private_share ?? 0,
              valueLabel: figure(types.private_share, "share"),
            },
          ]}
          testId="niche-seller-types"
        />
      ) : (
        <p className="muted">{t("niche.sellers.typesUnknown")}</p>
      )}
      {types.known > 0 && types.unknown > 0 && (
        <p className="muted">{plural("niche.sellers.typesOf", types.known, { unknown: types.unknown })}</p>
      )}
    </section>
  );
}
