import type { NeedsHumanReason } from "../api/inboxRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Why the lead waits for a person, each reason explained with what to do about it. */
export function NeedsHumanNotice({ reasons }: { reasons: NeedsHumanReason[] }) {
  const { t } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <section className="needs-human" role="alert" data-testid="needs-human">
      <h2>{t("needsHuman.title")}</h2>
      <ul>
        {reasons.map((reason) => (
          <li key={reason} data-reason={reason}>
            <strong>{t(`needsHuman.${reason}.short`)}.</strong> {t(`needsHuman.${reason}.explain`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
