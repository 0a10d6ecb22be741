import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useMemo, useState } from "react";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import {
  dispatchOutbox,
  getCampaign,
  handBackLead,
  overrideLeadStatus,
  sendOperatorReply,
  takeOverLead,
} from "../api/inboxQueries.ts";
import type { CampaignRow } from "../api/inboxRows.ts";
import { ReplyRefusedError } from "../api/ReplyRefusedError.ts";
import type { LeadStatus } from "../api/rows.ts";
import { ErrorState } from "../app/ErrorState.tsx";
import { routeHash } from "../app/route.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import { Conversation } from "./Conversation.tsx";
import { LeadFields } from "./LeadFields.tsx";
import { LeadHeader } from "./LeadHeader.tsx";
import { NeedsHumanNotice } from "./NeedsHumanNotice.tsx";
import { OperatorPanel } from "./OperatorPanel.tsx";
import { OverridePanel } from "./OverridePanel.tsx";
import { ScoreBreakdown } from "./ScoreBreakdown.tsx";
import { summarizeConversations } from "./summarizeConversations.ts";
import { useLeadActivity } from "./useLeadActivity.ts";
import { useScoreThresholds } from "./useScoreThresholds.ts";

/** The message for a failed action: a refused reply says why, anything else what to do. */
function failureMessage(error: unknown, onSessionExpired: () => void): MessageKey {
  if (error instanceof ReplyRefusedError) return `reply.refused.${error.reason}`;
  const action = error instanceof DashboardQueryError ? error.action : "retry-later";
  if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
  if (action === "sign-in-again") onSessionExpired();
  return `error.${action}`;
}

/**
 * One lead: who they are, the live conversation, what the bot found out and how it scored, and the operator's
 * controls (take over, reply, hand back, override the status).
 */
export function LeadPage({
  client,
  workspaceId,
  leadId,
  userId,
  canOperate,
  onSessionExpired,
}: {
  client: SupabaseClient;
  workspaceId: string;
  leadId: string;
  userId: string;
  canOperate: boolean;
  onSessionExpired: () => void;
}) {
  const { t } = useI18n();
  const { state, live, reload } = useLeadActivity(client, leadId, onSessionExpired);
  const activity = state.phase === "ready" ? state.activity : null;
  const lead = activity?.lead ?? null;
  const campaignId = lead?.campaign_id ?? null;
  const [campaign, setCampaign] = useState<CampaignRow | null>(null);
  const summary = useMemo(() => summarizeConversations(activity?.conversations ?? []), [activity]);
  const channelIds = useMemo(
    () => (activity?.conversations ?? []).flatMap((c) => (c.channel_id === null ? [] : [c.channel_id])),
    [activity],
  );
  const thresholds = useScoreThresholds(client, workspaceId, campaign?.niche_id ?? null, channelIds);

  useEffect(() => {
    let cancelled = false;
    setCampaign(null);
    if (campaignId === null) return;
    getCampaign(client, campaignId).then(
      (row) => {
        if (!cancelled) setCampaign(row);
      },
      (error: unknown) => console.warn("Could not load the lead's campaign.", error),
    );
    return () => {
      cancelled = true;
    };
  }, [client, campaignId]);

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<MessageKey | null> => {
      try {
        await action();
        return null;
      } catch (error) {
        return failureMessage(error, onSessionExpired);
      } finally {
        await reload();
      }
    },
    [reload, onSessionExpired],
  );

  const send = useCallback(
    (text: string, idempotencyKey: string) =>
      run(async () => {
        await sendOperatorReply(client, leadId, text, idempotencyKey);
        // Send it now rather than at the next sweep, without holding the reply box: the outbox row shows how it
        // goes (live), and if this call fails the reply stays queued for the sweep.
        dispatchOutbox(client, leadId).then(
          () => reload(),
          (error: unknown) =>
            console.warn("outbox-dispatch failed; the reply stays queued for the sweep.", error),
        );
      }),
    [client, leadId, run, reload],
  );

  if (state.phase === "loading") return <p className="muted state-message">{t("lead.loading")}</p>;
  if (state.phase === "error") {
    return <ErrorState title={t("lead.error")} action={state.action} onRetry={() => void reload()} />;
  }
  if (lead === null || activity === null) {
    return (
      <section className="empty-state" data-testid="lead-missing">
        <h2>{t("lead.missing.title")}</h2>
        <p>{t("lead.missing.body")}</p>
        <a className="button" href={routeHash({ page: "leads" })}>
          {t("lead.back")}
        </a>
      </section>
    );
  }

  return (
    <article className="lead-page" data-testid="lead-page" data-lead-id={lead.id}>
      <LeadHeader lead={lead} campaignName={campaign?.name ?? null} live={live} />
      {state.failure !== null && (
        <div className="inline-error" role="alert">
          <span>{t(`error.${state.failure}`)}</span>
          <button className="button button--small" type="button" onClick={() => void reload()}>
            {t("error.retry")}
          </button>
        </div>
      )}
      <NeedsHumanNotice reasons={summary.needsHuman} />
      <div className="lead-page__columns">
        <div className="lead-page__main">
          <Conversation messages={activity.messages} unsent={activity.unsent} leadName={lead.name} />
          <OperatorPanel
            summary={summary}
            userId={userId}
            canOperate={canOperate}
            onTakeOver={() => run(() => takeOverLead(client, leadId))}
            onHandBack={() => run(() => handBackLead(client, leadId))}
            onSend={send}
          />
        </div>
        <aside className="lead-page__side">
          <LeadFields fields={lead.qualification.fields} summary={lead.qualification.summary ?? null} />
          <ScoreBreakdown score={lead.qualification.score} thresholds={thresholds} />
          <OverridePanel
            status={lead.status}
            override={lead.qualification.override ?? null}
            userId={userId}
            canEdit={canOperate}
            onOverride={(status: LeadStatus, reason: string) =>
              run(() => overrideLeadStatus(client, leadId, status, reason))
            }
          />
        </aside>
      </div>
    </article>
  );
}
