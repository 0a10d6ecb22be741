import type { NeedsHumanReason } from "../api/inboxRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * "Needs you": a person must look at the lead, because sending failed or is uncertain, the platform allows only a
 * template, or the bot is paused for an operator. Nothing when the bot is handling it.
 */
export function NeedsYouMarker({
  reason,
  botPaused,
}: {
  reason: NeedsHumanReason | null;
  botPaused: boolean;
}) {
  const { t } = useI18n();
  if (reason === null && !botPaused) return null;
  const why = reason !== null ? t(`needsHuman.${reason}.short`) : t("leads.botPaused");
  return (
    <span
      className={`needs-you${reason !== null ? " needs-you--urgent" : ""}`}
      data-testid="needs-you"
      data-reason={reason ?? "bot_paused"}
      title={why}
    >
      {t("leads.needsYou")}
      <span className="visually-hidden">: {why}</span>
    </span>
  );
}
