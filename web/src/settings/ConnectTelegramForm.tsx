import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import type { CampaignNameRow } from "../api/rows.ts";
import type { NicheNameRow } from "../api/settingsRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ConnectResultNotice } from "./ConnectResultNotice.tsx";
import { useConnectChannel } from "./useConnectChannel.ts";

/**
 * Connects a Telegram bot by its token (from @BotFather). The token goes to the server once and is forgotten
 * here as soon as the bot is connected; it is never shown again.
 */
export function ConnectTelegramForm({
  client,
  workspaceId,
  niches,
  campaigns,
  onConnected,
}: {
  client: SupabaseClient;
  workspaceId: string;
  niches: NicheNameRow[];
  campaigns: CampaignNameRow[];
  onConnected: () => void;
}) {
  const { t } = useI18n();
  const [token, setToken] = useState("");
  const [name, setName] = useState("");
  const [nicheId, setNicheId] = useState("");
  const [campaignId, setCampaignId] = useState("");
  const [missing, setMissing] = useState(false);
  const { busy, result, problem, connect } = useConnectChannel(client, onConnected);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (token.trim() === "") {
      setMissing(true);
      return;
    }
    setMissing(false);
    const connected = await connect({
      provider: "telegram_bot",
      workspaceId,
      token,
      name: name.trim() === "" ? null : name.trim(),
      nicheId: niches.some((niche) => niche.id === nicheId) ? nicheId : null,
      campaignId: campaigns.some((campaign) => campaign.id === campaignId) ? campaignId : null,
    });
    if (connected) {
      setToken("");
      setName("");
    }
  }

  return (
    <form className="stack-form connect-form" onSubmit={submit} noValidate data-testid="connect-telegram">
      <h3>{t("connect.telegram.title")}</h3>
      <p className="muted">{t("connect.telegram.hint")}</p>
      <label className="field">
        <span>{t("connect.telegram.token")}</span>
        <input
          data-testid="connect-telegram-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="123456789:AA…"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t("connect.name")}</span>
        <input
          data-testid="connect-telegram-name"
          type="text"
          maxLength={200}
          placeholder={t("connect.namePlaceholder")}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t("connect.niche")}</span>
        <select
          data-testid="connect-telegram-niche"
          value={nicheId}
          onChange={(e) => setNicheId(e.target.value)}
        >
          <option value="">{t("connect.nicheNone")}</option>
          {niches.map((niche) => (
            <option key={niche.id} value={niche.id}>
              {niche.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("connect.campaign")}</span>
        <select
          data-testid="connect-telegram-campaign"
          value={campaignId}
          onChange={(e) => setCampaignId(e.target.value)}
        >
          <option value="">{t("connect.campaignNone")}</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
      </label>
      {missing && (
        <p className="form-error" role="alert">
          {t("connect.telegram.tokenMissing")}
        </p>
      )}
      {problem !== null && (
        <p className="form-error" role="alert" data-testid="connect-error">
          {t(problem.key, problem.params)}
        </p>
      )}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="submit"
          data-testid="connect-telegram-submit"
          disabled={busy}
        >
          {busy ? t("connect.connecting") : t("connect.submit")}
        </button>
      </div>
      {result !== null && <ConnectResultNotice result={result} />}
    </form>
  );
}
