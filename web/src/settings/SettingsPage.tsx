import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useState } from "react";
import { DashboardQueryError, type QueryFailureAction } from "../api/DashboardQueryError.ts";
import { listChannels, listNicheNames } from "../api/settingsQueries.ts";
import type { ChannelRow, NicheNameRow } from "../api/settingsRows.ts";
import { ErrorState } from "../app/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useWorkspaceCampaigns } from "../leads/useWorkspaceCampaigns.ts";
import { ChannelsList } from "./ChannelsList.tsx";
import { ConnectTelegramForm } from "./ConnectTelegramForm.tsx";
import { ConnectWhatsAppForm } from "./ConnectWhatsAppForm.tsx";
import { ScriptEditor } from "./ScriptEditor.tsx";

type ChannelsState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  | { phase: "ready"; channels: ChannelRow[] };

/**
 * The workspace's settings: its channels (and connecting a Telegram bot or a WhatsApp number) and the
 * qualification scripts per niche. A viewer sees them read-only.
 */
export function SettingsPage({
  client,
  workspaceId,
  canEdit,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  canEdit: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const [channels, setChannels] = useState<ChannelsState>({ phase: "loading" });
  const [niches, setNiches] = useState<NicheNameRow[]>([]);
  const campaigns = useWorkspaceCampaigns(client, workspaceId);

  const loadChannels = useCallback(async () => {
    try {
      setChannels({ phase: "ready", channels: await listChannels(client, workspaceId) });
    } catch (error) {
      const action = error instanceof DashboardQueryError ? error.action : "retry-later";
      if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
      if (action === "sign-in-again") onSessionExpired();
      setChannels({ phase: "error", action });
    }
  }, [client, workspaceId, onSessionExpired]);

  useEffect(() => {
    setChannels({ phase: "loading" });
    void loadChannels();
  }, [loadChannels]);

  useEffect(() => {
    let cancelled = false;
    listNicheNames(client, workspaceId).then(
      (rows) => {
        if (!cancelled) setNiches(rows);
      },
      (error: unknown) => console.warn("Could not load the niches.", error),
    );
    return () => {
      cancelled = true;
    };
  }, [client, workspaceId]);

  const refreshChannels = useCallback(() => void loadChannels(), [loadChannels]);

  return (
    <section className="settings-page" data-testid="settings-page">
      <header className="page-header">
        <h1>{t("settings.title")}</h1>
      </header>

      <section className="panel">
        <h2>{t("channels.title")}</h2>
        {channels.phase === "loading" && <p className="muted">{t("app.loading")}</p>}
        {channels.phase === "error" && (
          <ErrorState title={t("channels.error")} action={channels.action} onRetry={refreshChannels} />
        )}
        {channels.phase === "ready" && <ChannelsList channels={channels.channels} niches={niches} />}
        {canEdit ? (
          <div className="connect-forms">
            <ConnectTelegramForm
              client={client}
              workspaceId={workspaceId}
              niches={niches}
              campaigns={campaigns}
              onConnected={refreshChannels}
            />
            <ConnectWhatsAppForm
              client={client}
              workspaceId={workspaceId}
              niches={niches}
              onConnected={refreshChannels}
            />
          </div>
        ) : (
          <p className="muted">{t("settings.readOnly")}</p>
        )}
      </section>

      <section className="panel">
        <h2>{t("script.title")}</h2>
        <p className="muted">{t("script.hint")}</p>
        <ScriptEditor
          client={client}
          workspaceId={workspaceId}
          niches={niches}
          canEdit={canEdit}
          onSessionExpired={onSessionExpired}
        />
      </section>
    </section>
  );
}
