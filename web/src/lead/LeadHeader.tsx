import type { LiveStatus } from "../api/inboxQueries.ts";
import type { LeadDetailRow } from "../api/inboxRows.ts";
import { routeHash } from "../app/route.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { formatDuration, responseSeconds } from "../format/formatDuration.ts";
import { formatPhone } from "../format/formatPhone.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { LiveIndicator } from "../leads/LiveIndicator.tsx";
import { StatusBadge } from "../leads/StatusBadge.tsx";

function isLanguage(value: string | null): value is "ru" | "kk" | "en" {
  return value === "ru" || value === "kk" || value === "en";
}

/** Who the lead is: name, phone, status, where they came from, their language and how fast we answered. */
export function LeadHeader({
  lead,
  campaignName,
  live,
}: {
  lead: LeadDetailRow;
  campaignName: string | null;
  live: LiveStatus;
}) {
  const { t, dictionary } = useI18n();
  const seconds = responseSeconds(lead.first_contact_at, lead.first_response_at);
  return (
    <header className="lead-header">
      <a className="lead-header__back" href={routeHash({ page: "leads" })}>
        ← {t("lead.back")}
      </a>
      <div className="lead-header__title">
        <h1 data-testid="lead-name">{lead.name ?? t("leads.unnamed")}</h1>
        <StatusBadge status={lead.status} />
        <LiveIndicator status={live} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t("leads.column.phone")}</dt>
          <dd data-testid="lead-phone">
            {lead.phone === null ? "—" : <a href={`tel:${lead.phone}`}>{formatPhone(lead.phone)}</a>}
          </dd>
        </div>
        <div>
          <dt>{t("leads.column.source")}</dt>
          <dd>{t(`platform.${lead.source_platform}`)}</dd>
        </div>
        <div>
          <dt>{t("leads.column.campaign")}</dt>
          <dd>{campaignName ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("leads.column.language")}</dt>
          <dd>{isLanguage(lead.language) ? t(`language.${lead.language}`) : "—"}</dd>
        </div>
        <div>
          <dt>{t("leads.column.response")}</dt>
          <dd
            data-testid="response-time"
            data-seconds={seconds === null ? "" : Math.floor(seconds)}
            title={t("lead.responseHint")}
          >
            {seconds === null ? "—" : formatDuration(seconds, dictionary)}
          </dd>
        </div>
        <div>
          <dt>{t("leads.column.created")}</dt>
          <dd>{formatAlmatyTime(lead.created_at)}</dd>
        </div>
      </dl>
    </header>
  );
}
