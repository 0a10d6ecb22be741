import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useState } from "react";
import { type ConnectChannelRequest, connectChannel } from "../api/settingsQueries.ts";
import type { ConnectResult } from "../api/settingsRows.ts";
import type { MessageKey } from "../i18n/ru.ts";
import { connectFailureMessage } from "./connectFailureMessage.ts";

export interface ConnectState {
  busy: boolean;
  result: ConnectResult | null;
  problem: { key: MessageKey; params?: { code: string } } | null;
}

/** Connects a channel and keeps what happened for the form to show; `onConnected` refreshes the list. */
export function useConnectChannel(
  client: SupabaseClient,
  onConnected: () => void,
): ConnectState & { connect: (request: ConnectChannelRequest) => Promise<boolean> } {
  const [state, setState] = useState<ConnectState>({ busy: false, result: null, problem: null });
  const connect = useCallback(
    async (request: ConnectChannelRequest) => {
      setState({ busy: true, result: null, problem: null });
      try {
        const result = await connectChannel(client, request);
        setState({ busy: false, result, problem: null });
        onConnected();
        return true;
      } catch (error) {
        console.warn("Connecting the channel failed.", error);
        setState({ busy: false, result: null, problem: connectFailureMessage(error) });
        return false;
      }
    },
    [client, onConnected],
  );
  return { ...state, connect };
}
