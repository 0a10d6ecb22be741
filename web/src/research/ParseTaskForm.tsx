import { type SiteChoice, siteChoices } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { maxFollowPages, type ParseFormProblem, readParseForm } from "./readParseForm.ts";
import { maxTaskUrls } from "./readTaskUrls.ts";
import { type BrowserChoice, browserChoices, type ParserTaskRow } from "./researchRows.ts";
import { TaskFormFooter } from "./TaskFormFooter.tsx";
import { useCreateTask } from "./useCreateTask.ts";
import { useSiteName } from "./useSiteName.ts";

const isSiteChoice = (value: string): value is SiteChoice =>
  (siteChoices as readonly string[]).includes(value);
const isBrowserChoice = (value: string): value is BrowserChoice =>
  (browserChoices as readonly string[]).includes(value);

/**
 * "Parse a shop or marketplace": the pages to read (one address per line), which reader, whether to render
 * them in a browser, and how many "next page" links to follow. Checked here by the server's rules first.
 */
export function ParseTaskForm({
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
  const { t, formatNumber } = useI18n();
  const creator = useCreateTask(client, workspaceId, onSessionExpired);
  const siteName = useSiteName();
  const [urls, setUrls] = useState("");
  const [site, setSite] = useState<SiteChoice>("auto");
  const [browser, setBrowser] = useState<BrowserChoice>("auto");
  const [followPages, setFollowPages] = useState("0");
  const [problems, setProblems] = useState<ParseFormProblem[]>([]);
  const [created, setCreated] = useState<ParserTaskRow | null>(null);

  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      creator.edited();
      setCreated(null);
      set(value);
    };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readParseForm({ urls, site, browser, followPages });
    if (!form.ok) {
      setProblems(form.problems);
      return;
    }
    setProblems([]);
    const task = await creator.create("parse", form.input, null);
    if (task === null) return;
    setCreated(task);
    setUrls("");
    onCreated(task);
  }

  const describe = (problem: ParseFormProblem): string => {
    switch (problem.code) {
      case "no_urls":
        return t("research.parse.problem.noUrls");
      case "invalid_urls":
        return t("research.parse.problem.invalidUrls", { lines: problem.lines.join(", ") });
      case "too_many_urls":
        return t("research.parse.problem.tooManyUrls", {
          count: formatNumber(problem.count),
          max: formatNumber(maxTaskUrls),
        });
      case "invalid_follow_pages":
        return t("research.parse.problem.followPages", { max: maxFollowPages });
    }
  };

  return (
    <form className="stack-form research-form" onSubmit={submit} noValidate data-testid="parse-form">
      <h2>{t("research.parse.title")}</h2>
      <p className="muted">{t("research.parse.hint")}</p>
      <label className="field">
        <span>{t("research.parse.urls")}</span>
        <textarea
          data-testid="parse-urls"
          rows={4}
          spellCheck={false}
          placeholder={"https://www.olx.kz/…\nhttps://satu.kz/…"}
          value={urls}
          onChange={(event) => edit(setUrls)(event.target.value)}
        />
      </label>
      <div className="grid-fields">
        <label className="field">
          <span>{t("research.parse.site")}</span>
          <select
            data-testid="parse-site"
            value={site}
            onChange={(event) => {
              if (isSiteChoice(event.target.value)) edit(setSite)(event.target.value);
            }}
          >
            {siteChoices.map((choice) => (
              <option key={choice} value={choice}>
                {siteName(choice)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("research.parse.browser")}</span>
          <select
            data-testid="parse-browser"
            value={browser}
            onChange={(event) => {
              if (isBrowserChoice(event.target.value)) edit(setBrowser)(event.target.value);
            }}
          >
            {browserChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`research.browser.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("research.parse.follow")}</span>
          <input
            data-testid="parse-follow"
            className="input--short"
            type="number"
            inputMode="numeric"
            min={0}
            max={maxFollowPages}
            step={1}
            value={followPages}
            onChange={(event) => edit(setFollowPages)(event.target.value)}
          />
        </label>
      </div>
      <TaskFormFooter
        testIdPrefix="parse"
        problems={problems.map((problem) => ({ key: problem.code, text: describe(problem) }))}
        creator={creator}
        created={created}
        submitLabel={t("research.parse.submit")}
      />
    </form>
  );
}
