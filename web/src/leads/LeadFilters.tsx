import {
  type LeadStatus,
  leadStatusSchema,
  type Platform,
  platformSchema,
  leadStatuses,
  platforms,
} from "../api/rows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Status and source filters; the empty option means "all". */
export function LeadFilters({
  status,
  source,
  onChange,
}: {
  status: LeadStatus | null;
  source: Platform | null;
  onChange: (status: LeadStatus | null, source: Platform | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="filters">
      <label className="field field--inline">
        <span className="field__label">{t("leads.filter.status")}</span>
        <select
          data-testid="filter-status"
          value={status ?? ""}
          onChange={(event) => {
            const parsed = leadStatusSchema.safeParse(event.target.value);
            onChange(parsed.success ? parsed.data : null, source);
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
          value={source ?? ""}
          onChange={(event) => {
            const parsed = platformSchema.safeParse(event.target.value);
            onChange(status, parsed.success ? parsed.data : null);
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
    </div>
  );
}
