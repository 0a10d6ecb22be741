import { questionKeys, scoreReasons } from "@arqan/shared";
import type { Qualification } from "../api/inboxRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ScoreBar } from "../leads/ScoreBar.tsx";

/** The score limits of the script the lead is qualified with. */
export interface ScoreThresholds {
  qualifyAt: number;
  disqualifyBelow: number;
}

const isKey = (key: string): key is (typeof questionKeys)[number] =>
  (questionKeys as readonly string[]).includes(key);
const isReason = (reason: string): reason is (typeof scoreReasons)[number] =>
  (scoreReasons as readonly string[]).includes(reason);

/**
 * How the score was reached: each component with its points out of its maximum and why, the total, and the
 * thresholds that make a lead qualified or not.
 */
export function ScoreBreakdown({
  score,
  thresholds,
}: {
  score: Qualification["score"];
  thresholds: ScoreThresholds | null;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="score-breakdown">
      <h2>{t("lead.score.title")}</h2>
      {score == null ? (
        <p className="muted">{t("lead.score.none")}</p>
      ) : (
        <table className="score-table">
          <thead>
            <tr>
              <th scope="col">{t("lead.score.component")}</th>
              <th scope="col">{t("lead.score.points")}</th>
              <th scope="col">{t("lead.score.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {score.components.map((component) => (
              <tr key={component.key} data-testid="score-component" data-key={component.key}>
                <td>{isKey(component.key) ? t(`lead.field.${component.key}`) : component.key}</td>
                <td className="score-table__points">
                  {component.points}/{component.max}
                </td>
                <td>
                  {isReason(component.reason) ? t(`score.reason.${component.reason}`) : component.reason}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("lead.score.total")}</th>
              <td colSpan={2} data-testid="score-total" data-total={score.total}>
                <ScoreBar score={Math.max(0, Math.min(100, Math.round(score.total)))} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {thresholds !== null && (
        <p className="muted score-thresholds" data-testid="score-thresholds">
          {t("lead.score.thresholds", {
            qualifyAt: thresholds.qualifyAt,
            disqualifyBelow: thresholds.disqualifyBelow,
          })}
        </p>
      )}
    </section>
  );
}
