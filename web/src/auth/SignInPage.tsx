import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import { signIn } from "../api/dashboardQueries.ts";
import { SignInError, type SignInFailure } from "../api/SignInError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import type { MessageKey } from "../i18n/ru.ts";

type FormProblem = SignInFailure | "missingFields";

function problemMessage(problem: FormProblem): MessageKey {
  return `signIn.error.${problem}`;
}

/**
 * Email and password sign-in. On success the session watcher in `App` switches to the dashboard; `notice`
 * explains why the user is here (e.g. the session expired).
 */
export function SignInPage({ client, notice }: { client: SupabaseClient; notice: MessageKey | null }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email.trim() === "" || password === "") {
      setProblem("missingFields");
      return;
    }
    setSubmitting(true);
    setProblem(null);
    try {
      await signIn(client, email, password);
    } catch (error) {
      setProblem(error instanceof SignInError ? error.reason : "unknown");
      if (!(error instanceof SignInError) || error.reason === "unknown") console.error(error);
      setSubmitting(false);
    }
  }

  return (
    <main className="centered-page">
      <section className="card card--narrow signin">
        <div className="card__header">
          <div className="brand brand--large">
            <span className="brand__mark" aria-hidden="true">
              A
            </span>
            <span>{t("app.name")}</span>
          </div>
          <LanguageSwitcher />
        </div>
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.subtitle")}</p>
        {notice !== null && problem === null && <p className="notice">{t(notice)}</p>}
        <form className="signin__form" onSubmit={submit} noValidate>
          <label className="field">
            <span>{t("signIn.email")}</span>
            <input
              data-testid="signin-email"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
            />
          </label>
          <label className="field">
            <span>{t("signIn.password")}</span>
            <input
              data-testid="signin-password"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          </label>
          {problem !== null && (
            <p className="form-error" role="alert" data-testid="signin-error">
              {t(problemMessage(problem))}
            </p>
          )}
          <button
            className="button button--primary"
            data-testid="signin-submit"
            type="submit"
            disabled={submitting}
          >
            {submitting ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </section>
    </main>
  );
}
