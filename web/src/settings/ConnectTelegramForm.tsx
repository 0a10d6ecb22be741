import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import type { CampaignNameRow } from "../api/rows.ts";
import type { NicheNameRow } from "../api/settingsRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ConnectFormFooter } from "./ConnectFormFooter.tsx";
import { OptionalChoice } from "./OptionalChoice.tsx";
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
      <OptionalChoice
        testId="connect-telegram-niche"
        label="connect.niche"
        noneLabel="connect.nicheNone"
        value={nicheId}
        onChange={setNicheId}
        options={niches}
      />
      <OptionalChoice
        testId="connect-telegram-campaign"
        label="connect.campaign"
        noneLabel="connect.campaignNone"
        value={campaignId}
        onChange={setCampaignId}
        options={campaigns}
      />
      <ConnectFormFooter
        missing={missing}
        missingMessage="connect.telegram.tokenMissing"
        problem={problem}
        errorTestId="connect-error"
        submitTestId="connect-telegram-submit"
        busy={busy}
        result={result}
      />
    </form>
  );
}
