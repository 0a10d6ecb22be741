import type { CostPerLead, StatedAssumption } from "@arqan/shared";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { FigureUnit } from "./formatFigure.ts";
import { useFigure } from "./useFigure.ts";

const assumptionUnits: Record<StatedAssumption["unit"], FigureUnit> = {
  kzt_per_day: "kzt",
  days: "count",
  views_per_day: "per_day",
  share: "share",
};

/**
 * What a lead might cost with our own promoted OLX ad in the niche: the estimate with its range, per raw and per
 * qualified lead, the model in words, and every assumption it rests on — its value and whether it is a default,
 * measured in the niche, or given by the operator.
 */
export function NicheCostPerLeadPanel({ cost }: { cost: CostPerLead }) {
  const { t } = useI18n();
  const figure = useFigure();
  const range = (estimate: number | null, low: number | null, high: number | null) =>
    estimate === null
      ? t("niche.cpl.noEstimate")
      : t("niche.cpl.range", {
          estimate: figure(estimate, "kzt"),
          low: figure(low, "kzt"),
          high: figure(high, "kzt"),
        });
  return (
    <section className="panel" data-testid="niche-cpl">
      <h2>{t("niche.cpl.title")}</h2>
      <dl className="facts niche-cpl__figures">
        <div>
          <dt>{t("niche.cpl.perLead")}</dt>
          <dd data-testid="niche-cpl-value">{range(cost.cpl_kzt, cost.cpl_low_kzt, cost.cpl_high_kzt)}</dd>
        </div>
        <div>
          <dt>{t("niche.cpl.perQualified")}</dt>
          <dd>{range(cost.qualified_cpl_kzt, cost.qualified_cpl_low_kzt, cost.qualified_cpl_high_kzt)}</dd>
        </div>
        <div>
          <dt>{t("niche.cpl.spend")}</dt>
          <dd>{figure(cost.spend_kzt, "kzt")}</dd>
        </div>
        <div>
          <dt>{t("niche.cpl.expected")}</dt>
          <dd>
            {t("niche.cpl.expectedValue", {
              views: figure(cost.expected_views, "count"),
              contacts: figure(cost.expected_contacts, "decimal"),
              qualified: figure(cost.expected_qualified, "decimal"),
            })}
          </dd>
        </div>
      </dl>
      <p className="muted">{t("niche.cpl.model.olx_promotion")}</p>
      <h3>{t("niche.cpl.assumptions")}</h3>
      <ul className="niche-assumptions" data-testid="niche-assumptions">
        {cost.assumptions.map((assumption) => (
          <li key={assumption.key} data-key={assumption.key} data-source={assumption.source}>
            {t(`niche.assumption.${assumption.key}`, {
              value: figure(assumption.value, assumptionUnits[assumption.unit]),
            })}{" "}
            <span className={`assumption-source assumption-source--${assumption.source}`}>
              {t(`niche.assumption.source.${assumption.source}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
