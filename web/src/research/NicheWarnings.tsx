import type { NicheWarning } from "@arqan/shared";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useSiteName } from "./useSiteName.ts";

/** Where the report's data is thin or was cut, in words: the numbers above should be read with these in mind. */
export function NicheWarnings({ warnings }: { warnings: readonly NicheWarning[] }) {
  const { t } = useI18n();
  const siteName = useSiteName();
  if (warnings.length === 0) return null;
  return (
    <div className="notice niche-warnings" role="note" data-testid="niche-warnings">
      <p>{t("niche.warnings.title")}</p>
      <ul>
        {warnings.map((warning) => (
          <li
            key={`${warning.code}:${warning.site ?? ""}`}
            data-testid="niche-warning"
            data-code={warning.code}
          >
            {t(`niche.warning.${warning.code}`, {
              site: warning.site === null ? "" : siteName(warning.site),
              count: warning.count ?? 0,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
