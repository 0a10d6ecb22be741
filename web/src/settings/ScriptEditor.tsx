import {
  type CityName,
  defaultQualificationScript,
  kazakhstanCities,
  type QualificationScript,
  qualificationScriptSchema,
} from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { listQualificationScripts, saveQualificationScript } from "../api/settingsQueries.ts";
import type { NicheNameRow, QualificationScriptRow } from "../api/settingsRows.ts";
import type { I18n } from "../i18n/I18nProvider.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import {
  type LocalizedDraft,
  readScriptDraft,
  type ScriptDraft,
  type ScriptProblem,
  scriptTextKeys,
  sumOfWeights,
  toScriptDraft,
} from "./scriptDraft.ts";

const botLanguages = ["ru", "kk", "en"] as const;

/** Where the script shown comes from: the niche's own, the workspace default, or the built-in one. */
type ScriptSource = "own" | "workspace-default" | "built-in" | "invalid";

function parseStored(row: QualificationScriptRow | undefined): QualificationScript | null {
  if (row === undefined) return null;
  const parsed = qualificationScriptSchema.safeParse(row.script);
  return parsed.success ? parsed.data : null;
}

/** The script a niche (or, for "", the workspace default) is qualified with, and where it comes from. */
function effectiveScript(
  scripts: QualificationScriptRow[],
  nicheId: string,
): { script: QualificationScript; source: ScriptSource } {
  const own = scripts.find((row) => row.niche_id === (nicheId === "" ? null : nicheId));
  if (own !== undefined) {
    const parsed = parseStored(own);
    return parsed === null
      ? { script: defaultQualificationScript, source: "invalid" }
      : { script: parsed, source: "own" };
  }
  const workspaceDefault = nicheId === "" ? null : parseStored(scripts.find((row) => row.niche_id === null));
  return workspaceDefault === null
    ? { script: defaultQualificationScript, source: "built-in" }
    : { script: workspaceDefault, source: "workspace-default" };
}

/** Where a problem is, in the operator's words. */
function describePath(path: ScriptProblem["path"], draft: ScriptDraft, t: I18n["t"]): string {
  const [first, second, third, fourth] = path;
  const language = (part: unknown) =>
    part === "ru" || part === "kk" || part === "en" ? ` (${t(`language.${part}`)})` : "";
  switch (first) {
    case "qualify_at":
      return t("script.qualifyAt");
    case "disqualify_below":
      return t("script.disqualifyBelow");
    case "min_budget_kzt":
      return t("script.minBudget");
    case "max_timeline_days":
      return t("script.maxTimeline");
    case "cities":
      return t("script.cities");
    case "texts":
      return scriptTextKeys.some((key) => key === second)
        ? `${t(`script.text.${second as (typeof scriptTextKeys)[number]}`)}${language(third)}`
        : t("script.texts");
    case "questions": {
      if (typeof second !== "number") return t("script.questions");
      const question = draft.questions[second];
      const name = question === undefined ? "" : t(`lead.field.${question.key}`);
      const where = t("script.questionNumber", { number: second + 1, name });
      if (third === "weight") return `${where}, ${t("script.weight")}`;
      if (third === "text") return `${where}${language(fourth)}`;
      return where;
    }
    default:
      return t("script.title");
  }
}

const problemMessages: Record<ScriptProblem["problem"], MessageKey> = {
  whole_number: "script.problem.wholeNumber",
  weights_sum: "script.problem.weightsSum",
  thresholds_order: "script.problem.thresholdsOrder",
  out_of_range: "script.problem.outOfRange",
  text_missing: "script.problem.textMissing",
  repeated_question: "script.problem.repeated",
  invalid: "script.problem.invalid",
};

/**
 * The qualification script of a niche (or the workspace default): thresholds, hard limits, cities served, each
 * question's weight, whether it is required and its texts, and what the bot says to greet and close. Saving checks
 * it first (weights add up to 100, every text in every language) and says plainly what to fix.
 */
export function ScriptEditor({
  client,
  workspaceId,
  niches,
  canEdit,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  niches: NicheNameRow[];
  canEdit: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const [scripts, setScripts] = useState<QualificationScriptRow[] | null>(null);
  const [loadFailed, setLoadFailed] = useState<MessageKey | null>(null);
  const [nicheId, setNicheId] = useState("");
  const [draft, setDraft] = useState<ScriptDraft | null>(null);
  const [problems, setProblems] = useState<ScriptProblem[]>([]);
  const [saveFailure, setSaveFailure] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setScripts(await listQualificationScripts(client, workspaceId));
      setLoadFailed(null);
    } catch (error) {
      const action = error instanceof DashboardQueryError ? error.action : "retry-later";
      if (action === "sign-in-again") onSessionExpired();
      setLoadFailed(`error.${action}`);
    }
  }, [client, workspaceId, onSessionExpired]);

  useEffect(() => {
    void load();
  }, [load]);

  const effective = useMemo(
    () => (scripts === null ? null : effectiveScript(scripts, nicheId)),
    [scripts, nicheId],
  );
  // A new niche (or freshly loaded scripts) starts a new draft.
  useEffect(() => {
    setDraft(effective === null ? null : toScriptDraft(effective.script));
    setProblems([]);
    setSaveFailure(null);
  }, [effective]);

  const edit = (change: (draft: ScriptDraft) => ScriptDraft) => {
    setSaved(false);
    setDraft((previous) => (previous === null ? previous : change(previous)));
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null) return;
    setSaved(false);
    setSaveFailure(null);
    const result = readScriptDraft(draft);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const niche = niches.find((candidate) => candidate.id === nicheId);
      await saveQualificationScript(client, {
        workspaceId,
        nicheId: niche?.id ?? null,
        name: niche?.name ?? t("script.defaultName"),
        script: result.script,
      });
      setSaved(true);
      await load();
    } catch (error) {
      const action = error instanceof DashboardQueryError ? error.action : "retry-later";
      if (!(error instanceof DashboardQueryError)) console.error(error);
      if (action === "sign-in-again") onSessionExpired();
      setSaveFailure(`error.${action}`);
    } finally {
      setSaving(false);
    }
  }

  if (loadFailed !== null) {
    return (
      <div className="inline-error" role="alert">
        <span>{t(loadFailed)}</span>
        <button className="button button--small" type="button" onClick={() => void load()}>
          {t("error.retry")}
        </button>
      </div>
    );
  }
  if (draft === null || effective === null) return <p className="muted">{t("app.loading")}</p>;

  const localized = (
    value: LocalizedDraft,
    onChange: (next: LocalizedDraft) => void,
    testId: string,
    languages: readonly ("ru" | "kk" | "en")[] = botLanguages,
  ) => (
    <div className="localized">
      {languages.map((language) => (
        <label key={language} className="field localized__field">
          <span className="field__label">{t(`language.${language}`)}</span>
          <textarea
            data-testid={`${testId}-${language}`}
            rows={2}
            lang={language}
            disabled={!canEdit}
            value={value[language]}
            onChange={(event) => onChange({ ...value, [language]: event.target.value })}
          />
        </label>
      ))}
    </div>
  );
  const number = (
    label: MessageKey,
    value: string,
    onChange: (text: string) => void,
    testId: string,
    hint?: MessageKey,
  ) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        data-testid={testId}
        type="text"
        inputMode="numeric"
        disabled={!canEdit}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint !== undefined && <span className="muted field__hint">{t(hint)}</span>}
    </label>
  );
  const weights = sumOfWeights(draft);

  return (
    <form className="script-editor" data-testid="script-editor" onSubmit={save} noValidate>
      <div className="script-editor__head">
        <label className="field field--inline">
          <span className="field__label">{t("script.niche")}</span>
          <select
            data-testid="script-niche"
            value={nicheId}
            onChange={(event) => setNicheId(event.target.value)}
          >
            <option value="">{t("script.defaultForAll")}</option>
            {niches.map((niche) => (
              <option key={niche.id} value={niche.id}>
                {niche.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="script-source" data-source={effective.source}>
          {t(`script.source.${effective.source}`)}
        </span>
      </div>

      <fieldset className="script-editor__group">
        <legend>{t("script.limits")}</legend>
        <div className="grid-fields">
          {number(
            "script.qualifyAt",
            draft.qualifyAt,
            (v) => edit((d) => ({ ...d, qualifyAt: v })),
            "script-qualify-at",
          )}
          {number(
            "script.disqualifyBelow",
            draft.disqualifyBelow,
            (v) => edit((d) => ({ ...d, disqualifyBelow: v })),
            "script-disqualify-below",
          )}
          {number(
            "script.minBudget",
            draft.minBudgetKzt,
            (v) => edit((d) => ({ ...d, minBudgetKzt: v })),
            "script-min-budget",
            "script.emptyMeansNone",
          )}
          {number(
            "script.maxTimeline",
            draft.maxTimelineDays,
            (v) => edit((d) => ({ ...d, maxTimelineDays: v })),
            "script-max-timeline",
            "script.emptyMeansNone",
          )}
        </div>
      </fieldset>

      <fieldset className="script-editor__group" data-testid="script-cities">
        <legend>{t("script.cities")}</legend>
        <p className="muted">{t("script.citiesHint")}</p>
        <div className="city-list">
          {kazakhstanCities.map((city: CityName) => (
            <label key={city} className="city-list__item">
              <input
                type="checkbox"
                value={city}
                disabled={!canEdit}
                checked={draft.cities.includes(city)}
                onChange={(event) =>
                  edit((d) => ({
                    ...d,
                    cities: event.target.checked
                      ? kazakhstanCities.filter((c) => c === city || d.cities.includes(c))
                      : d.cities.filter((c) => c !== city),
                  }))
                }
              />
              {city}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="script-editor__group">
        <legend>
          {t("script.questions")}{" "}
          <span
            className={weights === 100 ? "muted" : "weights-off"}
            data-testid="script-weights-sum"
            data-sum={weights}
          >
            {t("script.weightsSum", { sum: weights })}
          </span>
        </legend>
        {draft.questions.map((question, index) => (
          <div
            className="script-question"
            key={question.key}
            data-testid="script-question"
            data-key={question.key}
          >
            <div className="script-question__head">
              <strong>
                {t("script.questionNumber", { number: index + 1, name: t(`lead.field.${question.key}`) })}
              </strong>
              <label className="field field--inline">
                <span className="field__label">{t("script.weight")}</span>
                <input
                  className="input--short"
                  data-testid={`script-weight-${question.key}`}
                  type="text"
                  inputMode="numeric"
                  disabled={!canEdit}
                  value={question.weight}
                  onChange={(event) =>
                    edit((d) => ({
                      ...d,
                      questions: d.questions.map((q, i) =>
                        i === index ? { ...q, weight: event.target.value } : q,
                      ),
                    }))
                  }
                />
              </label>
              <label className="field field--inline">
                <input
                  type="checkbox"
                  data-testid={`script-required-${question.key}`}
                  disabled={!canEdit}
                  checked={question.required}
                  onChange={(event) =>
                    edit((d) => ({
                      ...d,
                      questions: d.questions.map((q, i) =>
                        i === index ? { ...q, required: event.target.checked } : q,
                      ),
                    }))
                  }
                />
                <span>{t("script.required")}</span>
              </label>
            </div>
            {localized(
              question.text,
              (text) =>
                edit((d) => ({
                  ...d,
                  questions: d.questions.map((q, i) => (i === index ? { ...q, text } : q)),
                })),
              `script-question-${question.key}`,
            )}
          </div>
        ))}
      </fieldset>

      <fieldset className="script-editor__group">
        <legend>{t("script.texts")}</legend>
        {scriptTextKeys.map((key) => (
          <div key={key} className="script-question">
            <strong>{t(`script.text.${key}`)}</strong>
            {localized(
              draft.texts[key],
              (text) => edit((d) => ({ ...d, texts: { ...d.texts, [key]: text } })),
              `script-text-${key}`,
            )}
          </div>
        ))}
      </fieldset>

      {problems.length > 0 && (
        <div className="form-error" role="alert" data-testid="script-errors">
          <p>{t("script.fix")}</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.path.join(".")}:${problem.problem}`} data-problem={problem.problem}>
                {describePath(problem.path, draft, t)}:{" "}
                {t(problemMessages[problem.problem], {
                  sum: problem.detail ?? "",
                  detail: problem.detail ?? "",
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saveFailure !== null && (
        <p className="form-error" role="alert" data-testid="script-save-error">
          {t(saveFailure)}
        </p>
      )}
      {saved && (
        <p className="notice notice--done" role="status" data-testid="script-saved">
          {t("script.saved")}
        </p>
      )}
      {canEdit ? (
        <div className="form-actions">
          <button
            className="button button--primary"
            type="submit"
            data-testid="script-save"
            disabled={saving}
          >
            {t("script.save")}
          </button>
          <button
            className="button"
            type="button"
            disabled={saving}
            onClick={() => {
              setDraft(toScriptDraft(effective.script));
              setProblems([]);
              setSaved(false);
            }}
          >
            {t("script.discard")}
          </button>
        </div>
      ) : (
        <p className="muted">{t("settings.readOnly")}</p>
      )}
    </form>
  );
}
