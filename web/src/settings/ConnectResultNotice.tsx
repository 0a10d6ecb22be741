import type { ConnectResult } from "../api/settingsRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** What connecting did: the webhook is set, or what to set up by hand (no public URL, or a WhatsApp provider). */
export function ConnectResultNotice({ result }: { result: ConnectResult }) {
  const { t } = useI18n();
  const { webhook } = result;
  return (
    <div
      className={`connect-result${webhook.set ? " connect-result--done" : ""}`}
      role="status"
      data-testid="connect-result"
      data-webhook-set={webhook.set ? "true" : "false"}
    >
      <p>
        <strong>
          {t("connect.connected", { name: result.channel.name ?? result.channel.username ?? "" })}
        </strong>
      </p>
      {webhook.set ? <p>{t("connect.webhookSet")}</p> : <p>{t("connect.webhookNotSet")}</p>}
      {webhook.url !== null && (
        <p>
          {t("connect.webhookUrl")} <code data-testid="connect-webhook-url">{webhook.url}</code>
        </p>
      )}
      {webhook.instructions !== null && (
        <pre className="connect-result__instructions" data-testid="connect-instructions">
          {webhook.instructions}
        </pre>
      )}
    </div>
  );
}
