import type { ConfigProblem } from "../config/readDashboardConfig.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";

/** Shown instead of the dashboard when the build lacks its Supabase settings. */
export function ConfigProblemScreen({ problems }: { problems: ConfigProblem[] }) {
  const { t } = useI18n();
  return (
    <main className="centered-page">
      <section className="card card--narrow" role="alert">
        <div className="card__header">
          <h1>{t("config.title")}</h1>
          <LanguageSwitcher />
        </div>
        <p>{t("config.body")}</p>
        <ul className="config-problems">
          {problems.map((problem) => (
            <li key={problem.variable}>
              <code>{problem.variable}</code> — {t(`config.problem.${problem.problem}`)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
