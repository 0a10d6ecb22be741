import type { InboxLeadRow } from "../api/inboxRows.ts";
import { routeHash } from "../app/route.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { formatDuration } from "../format/formatDuration.ts";
import { formatPhone } from "../format/formatPhone.ts";
import { formatRelativeTime } from "../format/formatRelativeTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { NeedsYouMarker } from "./NeedsYouMarker.tsx";
import { ScoreBar } from "./ScoreBar.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { useNow } from "./useNow.ts";

function isLanguage(value: string | null): value is "ru" | "kk" | "en" {
  return value === "ru" || value === "kk" || value === "en";
}

/**
 * The leads of one page; a click on a row opens the lead. On a phone width each row becomes a card;
 * `data-label` carries the column name for it.
 */
export function LeadsTable({
  leads,
  freshIds,
  busy,
}: {
  leads: InboxLeadRow[];
  freshIds: ReadonlySet<string>;
  busy: boolean;
}) {
  const { t, dictionary } = useI18n();
  const now = useNow(30_000);
  const columns = {
    name: t("leads.column.name"),
    phone: t("leads.column.phone"),
    status: t("leads.column.status"),
    source: t("leads.column.source"),
    score: t("leads.column.score"),
    campaign: t("leads.column.campaign"),
    language: t("leads.column.language"),
    response: t("leads.column.response"),
    created: t("leads.column.created"),
  };
  const open = (lead: InboxLeadRow) => {
    window.location.hash = routeHash({ page: "lead", leadId: lead.id });
  };
  return (
    <div className={`table-wrap${busy ? " is-busy" : ""}`}>
      <table className="leads-table" data-testid="leads-table" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.phone}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col">{columns.source}</th>
            <th scope="col">{columns.score}</th>
            <th scope="col">{columns.campaign}</th>
            <th scope="col" className="th--wrap">
              {columns.language}
            </th>
            <th scope="col" className="th--wrap">
              {columns.response}
            </th>
            <th scope="col">{columns.created}</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr
              key={lead.id}
              data-testid="lead-row"
              data-lead-id={lead.id}
              className={`is-clickable${freshIds.has(lead.id) ? " is-fresh" : ""}`}
              onClick={(event) => {
                // Links inside the row (the name, the phone) do their own thing.
                if (event.target instanceof Element && event.target.closest("a") !== null) return;
                open(lead);
              }}
            >
              <td data-label={columns.name} className="cell-name">
                <a href={routeHash({ page: "lead", leadId: lead.id })}>
                  {lead.name ?? <span className="muted">{t("leads.unnamed")}</span>}
                </a>
                <NeedsYouMarker reason={lead.needs_human} botPaused={lead.bot_paused} />
              </td>
              <td data-label={columns.phone} className="cell-phone">
                {lead.phone === null ? (
                  <span className="muted">{t("leads.noPhone")}</span>
                ) : (
                  <a href={`tel:${lead.phone}`}>{formatPhone(lead.phone)}</a>
                )}
              </td>
              <td data-label={columns.status}>
                <StatusBadge status={lead.status} />
              </td>
              <td data-label={columns.source}>
                <span className={`platform platform--${lead.source_platform}`}>
                  {t(`platform.${lead.source_platform}`)}
                </span>
              </td>
              <td data-label={columns.score}>
                <ScoreBar score={lead.score} />
              </td>
              <td data-label={columns.campaign} className="cell-campaign">
                {lead.campaign_name ?? <span className="muted">{t("leads.noCampaign")}</span>}
              </td>
              <td data-label={columns.language} className="cell-language">
                {isLanguage(lead.language) ? (
                  <span title={t(`language.${lead.language}`)}>{lead.language.toUpperCase()}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td data-label={columns.response} className="cell-response" data-testid="lead-response-time">
                {lead.response_seconds === null ? (
                  <span className="muted" title={t("leads.noResponse")}>
                    —
                  </span>
                ) : (
                  formatDuration(lead.response_seconds, dictionary)
                )}
              </td>
              <td data-label={columns.created} className="cell-created">
                <span className="cell-created__when">
                  <time
                    dateTime={lead.created_at}
                    title={t("time.almaty", { time: formatAlmatyTime(lead.created_at) })}
                  >
                    {formatRelativeTime(lead.created_at, now, dictionary)}
                  </time>
                  <span className="cell-created__absolute">{formatAlmatyTime(lead.created_at)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
