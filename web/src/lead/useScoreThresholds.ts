import { defaultQualificationScript } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { listChannels, listQualificationScripts } from "../api/settingsQueries.ts";
import type { ChannelRow, QualificationScriptRow } from "../api/settingsRows.ts";
import { chooseQualificationScript } from "./chooseQualificationScript.ts";
import type { ScoreThresholds } from "./ScoreBreakdown.tsx";

const thresholdsSchema = z.object({ qualify_at: z.number(), disqualify_below: z.number() });

/**
 * The score thresholds of the script the lead is qualified with (see `chooseQualificationScript`), or null while
 * unknown. A failure to read the scripts hides the thresholds, never the page.
 */
export function useScoreThresholds(
  client: SupabaseClient,
  workspaceId: string,
  campaignNicheId: string | null,
  channelIds: string[],
): ScoreThresholds | null {
  const [loaded, setLoaded] = useState<{ scripts: QualificationScriptRow[]; channels: ChannelRow[] } | null>(
    null,
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([listQualificationScripts(client, workspaceId), listChannels(client, workspaceId)]).then(
      ([scripts, channels]) => {
        if (!cancelled) setLoaded({ scripts, channels });
      },
      (error: unknown) => console.warn("Could not load the qualification scripts; thresholds hidden.", error),
    );
    return () => {
      cancelled = true;
    };
  }, [client, workspaceId]);

  return useMemo(() => {
    if (loaded === null) return null;
    const channelNicheIds = channelIds.map(
      (id) => loaded.channels.find((channel) => channel.id === id)?.niche_id ?? null,
    );
    const chosen = chooseQualificationScript(loaded.scripts, campaignNicheId, channelNicheIds);
    if (chosen === null) {
      return {
        qualifyAt: defaultQualificationScript.qualify_at,
        disqualifyBelow: defaultQualificationScript.disqualify_below,
      };
    }
    const parsed = thresholdsSchema.safeParse(chosen.script);
    return parsed.success
      ? { qualifyAt: parsed.data.qualify_at, disqualifyBelow: parsed.data.disqualify_below }
      : null;
  }, [loaded, campaignNicheId, channelIds]);
}
