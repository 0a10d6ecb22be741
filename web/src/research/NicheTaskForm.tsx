import { kazakhstanCities, type NicheSite, nicheSites } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { maxNichePages, type NicheFormProblem, readNicheForm } from "./readNicheForm.ts";
import type { ParserTaskRow } from "./researchRows.ts";
import { TaskFormFooter } from "./TaskFormFooter.tsx";
import { useCreateTask } from "./useCreateTask.ts";
import { useSiteName } from "./useSiteName.ts";

/** Pages per marketplace a new niche research reads unless the operator says otherwise. */
const defaultNichePages = "3";

/**
 * "Research a niche": a search query in a city, on OLX, Kaspi and Satu, a few result pages each. The task
 * researches the workspace's niche of that query and city (the server creates it if there is none).
 */
export function NicheTaskForm({
  client,
  workspaceId,
  onSessionExpired,
  onCreated,
}: {
  client: SupabaseClient;
  workspaceId: string;
  onSessionExpired: () => void;
  onCreated: (task: ParserTaskRow) => void;
}) {
  const { t } = useI18n();
  const siteName = useSiteName();
  const creator = useCreateTask(client, workspaceId, onSessionExpired);
  const [query, setQuery] = useState("");
  const [city, setCity] = useState("");
  const [sites, setSites] = useState<readonly NicheSite[]>(nicheSites);
  const [maxPages, setMaxPages] = useState(defaultNichePages);
  const [problems, setProblems] = useState<NicheFormProblem[]>([]);
  const [created, setCreated] = useState<ParserTaskRow | null>(null);

  const edited = () => {
    creator.edited();
    setCreated(null);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readNicheForm({ query, city, sites, maxPages });
    if (!form.ok) {
      setProblems(form.problems);
      return;
    }
    setProblems([]);
    const task = await creator.create("niche", form.input, null);
    if (task === null) return;
    setCreated(task);
    setQuery("");
    onCreated(task);
  }

  return (
    <form className="stack-form research-form" onSubmit={submit} noValidate data-testid="niche-form">
      <h2>{t("research.nicheForm.title")}</h2>
      <p className="muted">{t("research.nicheForm.hint")}</p>
      <label className="field">
        <span>{t("research.nicheForm.query")}</span>
        <input
          data-testid="niche-query"
          type="text"
          maxLength={200}
          placeholder={t("research.nicheForm.queryPlaceholder")}
          value={query}
          onChange={(event) => {
            edited();
            setQuery(event.target.value);
          }}
        />
      </label>
      <div className="grid-fields">
        <label className="field">
          <span>{t("research.nicheForm.city")}</span>
          <select
            data-testid="niche-city"
            value={city}
            onChange={(event) => {
              edited();
              setCity(event.target.value);
            }}
          >
            <option value="">{t("research.niche.anyCity")}</option>
            {kazakhstanCities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("research.nicheForm.pages")}</span>
          <input
            data-testid="niche-pages"
            className="input--short"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxNichePages}
            step={1}
            value={maxPages}
            onChange={(event) => {
              edited();
              setMaxPages(event.target.value);
            }}
          />
        </label>
      </div>
      <fieldset className="research-sites">
        <legend>{t("research.nicheForm.sites")}</legend>
        {nicheSites.map((site) => (
          <label key={site} className="city-list__item">
            <input
              type="checkbox"
              data-testid={`niche-site-${site}`}
              checked={sites.includes(site)}
              onChange={(event) => {
                edited();
                setSites((previous) =>
                  event.target.checked ? [...previous, site] : previous.filter((chosen) => chosen !== site),
                );
              }}
            />
            {siteName(site)}
          </label>
        ))}
      </fieldset>
      <TaskFormFooter
        testIdPrefix="niche"
        problems={problems.map((problem) => ({
          key: problem.code,
          text:
            problem.code === "invalid_max_pages"
              ? t("research.nicheForm.problem.invalid_max_pages", { max: maxNichePages })
              : t(`research.nicheForm.problem.${problem.code}`),
        }))}
        creator={creator}
        created={created}
        submitLabel={t("research.nicheForm.submit")}
      />
    </form>
  );
}
