import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useRef, useState } from "react";
import { DashboardQueryError, type QueryFailureAction } from "../api/DashboardQueryError.ts";
import {
  type LeadActivity,
  type LiveStatus,
  loadLeadActivity,
  subscribeToLeadActivity,
} from "../api/inboxQueries.ts";

export type LeadActivityState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  /** `failure`: the last refresh failed, what is shown may be out of date. */
  | { phase: "ready"; activity: LeadActivity; failure: QueryFailureAction | null };

/** Live changes wait this long before the page is re-read, so a burst of them costs one read. */
const refreshDelayMs = 120;

/**
 * One lead's page data, kept live: read once, then re-read whenever Realtime reports a change to the lead, its
 * messages, conversations or outbox, and when the caller asks (`reload`, after an action). Answers that arrive
 * after a newer read started are dropped.
 */
export function useLeadActivity(
  client: SupabaseClient,
  leadId: string,
  onSessionExpired: () => void,
): { state: LeadActivityState; live: LiveStatus; reload: () => Promise<void> } {
  const [state, setState] = useState<LeadActivityState>({ phase: "loading" });
  const [live, setLive] = useState<LiveStatus>("connecting");
  const latestRead = useRef(0);

  const reload = useCallback(async () => {
    latestRead.current += 1;
    const read = latestRead.current;
    try {
      const activity = await loadLeadActivity(client, leadId);
      if (read === latestRead.current) setState({ phase: "ready", activity, failure: null });
    } catch (error) {
      if (read !== latestRead.current) return;
      const action = error instanceof DashboardQueryError ? error.action : "retry-later";
      if (!(error instanceof DashboardQueryError) || action === "malformed") console.error(error);
      if (action === "sign-in-again") onSessionExpired();
      setState((previous) =>
        previous.phase === "ready" ? { ...previous, failure: action } : { phase: "error", action },
      );
    }
  }, [client, leadId, onSessionExpired]);

  useEffect(() => {
    setState({ phase: "loading" });
    void reload();
  }, [reload]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), refreshDelayMs);
    };
    const stop = subscribeToLeadActivity(client, leadId, schedule, {
      onStatus: (status) => {
        setLive(status);
        // Changes made before the subscription started (or while it was down) were never delivered: catch up.
        if (status === "connected") schedule();
      },
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [client, leadId, reload]);

  return { state, live, reload };
}
