import type { SupabaseClient } from "@supabase/supabase-js";

/** The state of a live connection, as the indicator shows it. */
export type LiveStatus = "connecting" | "connected" | "reconnecting" | "closed";

/** Tables the dashboard follows live (in the `supabase_realtime` publication). */
export type LiveTable = "leads" | "messages" | "conversations" | "outbound_messages" | "parser_tasks";

export interface WatchOptions {
  /** Told about every change of the connection state. */
  onStatus?: (status: LiveStatus) => void;
}

let channelCounter = 0;

/**
 * Calls `onPayload` with every postgres_changes payload of `table` matching `filter` (e.g. `lead_id=eq.<id>`)
 * that the user may see (RLS decides). One channel per table, so a table missing from the publication fails
 * alone. Returns the function that unsubscribes. The payload is untrusted: the caller parses it.
 */
export function watchTableChanges(
  client: SupabaseClient,
  table: LiveTable,
  filter: string,
  onPayload: (payload: unknown) => void,
  options: WatchOptions = {},
): () => void {
  channelCounter += 1;
  let wasConnected = false;
  let stopped = false;
  const report = (status: LiveStatus) => {
    if (!stopped) options.onStatus?.(status);
  };
  report("connecting");
  const channel = client
    .channel(`${table}:${filter}:${channelCounter}`)
    .on("postgres_changes", { event: "*", schema: "public", table, filter }, (payload) => {
      if (!stopped) onPayload(payload);
    })
    .subscribe((status) => {
      switch (status) {
        case "SUBSCRIBED":
          wasConnected = true;
          report("connected");
          return;
        case "TIMED_OUT":
        case "CHANNEL_ERROR":
          report(wasConnected ? "reconnecting" : "connecting");
          return;
        case "CLOSED":
          report("closed");
          return;
      }
    });
  return () => {
    stopped = true;
    void client.removeChannel(channel);
  };
}
