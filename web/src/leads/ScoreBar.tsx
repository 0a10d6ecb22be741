import { useI18n } from "../i18n/I18nProvider.tsx";

/** The qualification score 0–100 as a short bar with the number; a dash when not scored yet. */
export function ScoreBar({ score }: { score: number | null }) {
  const { t } = useI18n();
  if (score === null) return <span className="muted">{t("leads.noScore")}</span>;
  const band = score >= 70 ? "high" : score >= 40 ? "medium" : "low";
  return (
    <span className={`score score--${band}`} title={t("leads.scoreOf", { score })}>
      <span className="score__track" aria-hidden="true">
        <span className="score__fill" style={{ width: `${score}%` }} />
      </span>
      <span className="score__value">{score}</span>
    </span>
  );
}
