import type { ChannelRow, NicheNameRow } from "../api/settingsRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** The workspace's connected bots and numbers: what, its state, where its webhook points, and its last error. */
export function ChannelsList({ channels, niches }: { channels: ChannelRow[]; niches: NicheNameRow[] }) {
  const { t } = useI18n();
  if (channels.length === 0) {
    return (
      <p className="muted" data-testid="channels-empty">
        {t("channels.empty")}
      </p>
    );
  }
  const nicheName = (id: string | null) =>
    id === null ? t("channels.allNiches") : (niches.find((niche) => niche.id === id)?.name ?? "—");
  return (
    <div className="table-wrap">
      <table className="leads-table channels-table" data-testid="channels">
        <thead>
          <tr>
            <th scope="col">{t("channels.column.name")}</th>
            <th scope="col">{t("channels.column.provider")}</th>
            <th scope="col">{t("channels.column.status")}</th>
            <th scope="col">{t("channels.column.niche")}</th>
            <th scope="col">{t("channels.column.webhook")}</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr
              key={channel.id}
              data-testid="channel-row"
              data-provider={channel.provider}
              data-status={channel.status}
            >
              <td data-label={t("channels.column.name")} className="cell-name">
                {channel.name ?? channel.external_id ?? "—"}
                {channel.username !== null && <span className="muted"> @{channel.username}</span>}
              </td>
              <td data-label={t("channels.column.provider")}>{t(`provider.${channel.provider}`)}</td>
              <td data-label={t("channels.column.status")}>
                <span className={`badge badge--channel-${channel.status}`}>
                  {t(`channel.status.${channel.status}`)}
                </span>
                {channel.last_error !== null && (
                  <span className="channel-error" title={channel.last_error}>
                    {channel.last_error}
                  </span>
                )}
              </td>
              <td data-label={t("channels.column.niche")}>{nicheName(channel.niche_id)}</td>
              <td data-label={t("channels.column.webhook")} className="cell-webhook">
                {channel.webhook_url === null ? (
                  <span className="muted">{t("channels.noWebhook")}</span>
                ) : (
                  <code>{channel.webhook_url}</code>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
