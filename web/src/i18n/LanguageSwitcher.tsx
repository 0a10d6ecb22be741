import { useI18n } from "./I18nProvider.tsx";
import { languages, parseLanguage } from "./languages.ts";

/** Switches between Russian, Kazakh and English; each language is named in itself. */
export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="field field--inline">
      <span className="visually-hidden">{t("shell.language")}</span>
      <select
        data-testid="language-switcher"
        value={language}
        onChange={(event) => setLanguage(parseLanguage(event.target.value))}
        title={t("shell.language")}
      >
        {languages.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
