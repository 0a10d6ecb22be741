import { languageSchema, languages } from "@arqan/shared";
import { useEffect, useState } from "react";
import {
  type CampaignNameRow,
  leadStatuses,
  leadStatusSchema,
  platformSchema,
  platforms,
} from "../api/rows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type InboxFilters, parseScoreInput } from "./inboxFilters.ts";

/** Typing in the search or score boxes filters after this pause, not on every key. */
const typingPauseMs = 300;

/**
 * The inbox filters: status, source, campaign, language (each "all" when empty), score range and a search by
 * name or phone. Selects apply at once; typed values after a short pause. The boxes start from `filters`; the
 * parent remounts this (a new `key`) to clear them.
 */
export function LeadFilters({
  filters,
  campaigns,
  onChange,
}: {
  filters: InboxFilters;
  campaigns: CampaignNameRow[];
  onChange: (filters: InboxFilters) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(filters.search);
  const [scoreMin, setScoreMin] = useState(filters.scoreMin === null ? "" : String(filters.scoreMin));
  const [scoreMax, setScoreMax] = useState(filters.scoreMax === null ? "" : String(filters.scoreMax));

  useEffect(() => {
    const typed = { search, scoreMin: parseScoreInput(scoreMin), scoreMax: parseScoreInput(scoreMax) };
    if (
      typed.search === filters.search &&
      typed.scoreMin === filters.scoreMin &&
      typed.scoreMax === filters.scoreMax
    ) {
      return;
    }
    const timer = setTimeout(() => onChange({ ...filters, ...typed }), typingPauseMs);
    return () => clearTimeout(timer);
  }, [search, scoreMin, scoreMax, filters, onChange]);

  return (
    <div className="filters">
      <label className="field field--inline filters__search">
        <span className="visually-hidden">{t("leads.filter.search")}</span>
        <input
          data-testid="leads-search"
          type="search"
          placeholder={t("leads.filter.searchPlaceholder")}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="field field--inline">
        <span className="field__label">{t("leads.filter.status")}</span>
        <select
          data-testid="filter-status"
          value={filters.status ?? ""}
          onChange={(event) => {
            const parsed = leadStatusSchema.safeParse(event.target.value);
            onChange({ ...filters, status: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t("leads.filter.all")}</option>
          {leadStatuses.map((option) => (
            <option key={option} value={option}>
              {t(`status.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">{t("leads.filter.source")}</span>
        <select
          data-testid="filter-source"
          value={filters.source ?? ""}
          onChange={(event) => {
            const parsed = platformSchema.safeParse(event.target.value);
            onChange({ ...filters, source: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t("leads.filter.all")}</option>
          {platforms.map((option) => (
            <option key={option} value={option}>
              {t(`platform.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">{t("leads.filter.campaign")}</span>
        <select
          data-testid="filter-campaign"
          value={filters.campaignId ?? ""}
          onChange={(event) => {
            const chosen = campaigns.find((campaign) => campaign.id === event.target.value);
            onChange({ ...filters, campaignId: chosen?.id ?? null });
          }}
        >
          <option value="">{t("leads.filter.all")}</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">{t("leads.filter.language")}</span>
        <select
          data-testid="filter-language"
          value={filters.language ?? ""}
          onChange={(event) => {
            const parsed = languageSchema.safeParse(event.target.value);
            onChange({ ...filters, language: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t("leads.filter.all")}</option>
          {languages.map((option) => (
            <option key={option} value={option}>
              {t(`language.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field field--inline filters__score">
        <legend className="field__label">{t("leads.filter.score")}</legend>
        <input
          data-testid="filter-score-min"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          placeholder={t("leads.filter.scoreFrom")}
          aria-label={t("leads.filter.scoreMin")}
          value={scoreMin}
          onChange={(event) => setScoreMin(event.target.value)}
        />
        <span aria-hidden="true">–</span>
        <input
          data-testid="filter-score-max"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          placeholder={t("leads.filter.scoreTo")}
          aria-label={t("leads.filter.scoreMax")}
          value={scoreMax}
          onChange={(event) => setScoreMax(event.target.value)}
        />
      </fieldset>
    </div>
  );
}
