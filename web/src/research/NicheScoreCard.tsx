import type { OpportunityScore } from "@arqan/shared";
import { HorizontalBars } from "../charts/HorizontalBars.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { FigureUnit } from "./formatFigure.ts";
import { useFigure } from "./useFigure.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/** How a component's input reads, by its name's ending: tenge, a share, a rate, or a count. */
function inputUnit(name: string): FigureUnit {
  if (name.endsWith("_kzt")) return "kzt";
  if (name.endsWith("_share")) return "share";
  if (name.endsWith("_per_day")) return "per_day";
  if (name.endsWith("_days")) return "days";
  return "count";
}

/**
 * The opportunity score: the total as a big number, then every component — its rating 0–100 as a bar, its
 * weight, the points it brings, the numbers it was computed from and what it means — and the components left
 * out for lack of data, with why.
 */
export function NicheScoreCard({ score }: { score: OpportunityScore }) {
  const { t } = useI18n();
  const figure = useFigure();
  const translate = useTranslatedCode();
  const label = (key: string, labelKey: string) => translate(labelKey, key);
  return (
    <section className="panel niche-score" data-testid="niche-score" data-total={score.total ?? ""}>
      <h2>{t("niche.score.title")}</h2>
      <div className="niche-score__head">
        <span className="niche-score__total" data-testid="niche-score-total">
          {score.total ?? "—"}
        </span>
        <span className="muted">{score.total === null ? t("niche.score.none") : t("niche.score.outOf")}</span>
      </div>
      <p className="muted">{t("niche.score.hint")}</p>
      {score.components.length > 0 && (
        <HorizontalBars
          title={t("niche.score.chart")}
          description={t("niche.score.chartHint")}
          max={100}
          data={score.components.map((component) => ({
            key: component.key,
            label: label(component.key, component.label_key),
            value: component.value,
            valueLabel: t("niche.score.valueOf", { value: figure(component.value, "points") }),
          }))}
          testId="niche-score-chart"
        />
      )}
      <table className="score-table niche-components" data-testid="niche-components">
        <thead>
          <tr>
            <th scope="col">{t("niche.score.component")}</th>
            <th scope="col">{t("niche.score.rating")}</th>
            <th scope="col">{t("niche.score.weight")}</th>
            <th scope="col">{t("niche.score.points")}</th>
          </tr>
        </thead>
        <tbody>
          {score.components.map((component) => (
            <tr key={component.key} data-testid="niche-component" data-key={component.key}>
              <td>
                <strong>{label(component.key, component.label_key)}</strong>
                <p className="muted niche-components__why">{translate(component.explanation_key, "")}</p>
                <p className="niche-components__inputs">
                  {Object.entries(component.inputs)
                    .map(
                      ([name, value]) =>
                        `${translate(`niche.input.${name}`, name)}: ${figure(value, inputUnit(name))}`,
                    )
                    .join(" · ")}
                </p>
              </td>
              <td className="score-table__points">{figure(component.value, "points")}</td>
              <td className="score-table__points">
                {figure(component.weight, "share")}
                {Math.abs(component.weight - component.base_weight) > 0.0005 && (
                  <span className="muted" title={t("niche.score.baseWeight")}>
                    {" "}
                    ({figure(component.base_weight, "share")})
                  </span>
                )}
              </td>
              <td className="score-table__points">{figure(component.points, "decimal")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.excluded.length > 0 && (
        <div className="niche-excluded" data-testid="niche-excluded">
          <p>{t("niche.score.excluded")}</p>
          <ul>
            {score.excluded.map((excluded) => (
              <li key={excluded.key} data-key={excluded.key}>
                <strong>{translate(`niche.component.${excluded.key}`, excluded.key)}</strong> —{" "}
                {translate(excluded.reason_key, excluded.reason_key)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
