import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useMemo, useState } from "react";
import { listCampaignNames } from "../api/dashboardQueries.ts";
import type { LeadRow } from "../api/rows.ts";

/**
 * Campaign names of the workspace by id, for labelling leads. Reloads once when a lead names a campaign that
 * was created after the last load. A failure leaves names out (the column shows a dash), never the page.
 */
export function useCampaignNames(
  client: SupabaseClient,
  workspaceId: string,
  leads: LeadRow[],
): Map<string, string> {
  const [names, setNames] = useState<Map<string, string> | null>(null);
  // The unknown campaign ids that caused the last reload ("" for the first load).
  const [reloadFor, setReloadFor] = useState("");

  const unknownIds = useMemo(() => {
    if (names === null) return "";
    const unknown = new Set<string>();
    for (const lead of leads) {
      if (lead.campaign_id !== null && !names.has(lead.campaign_id)) unknown.add(lead.campaign_id);
    }
    return [...unknown].sort().join(",");
  }, [leads, names]);

  useEffect(() => {
    if (unknownIds !== "" && unknownIds !== reloadFor) setReloadFor(unknownIds);
  }, [unknownIds, reloadFor]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadFor changing is the reason to reload.
  useEffect(() => {
    let cancelled = false;
    listCampaignNames(client, workspaceId).then(
      (campaigns) => {
        if (!cancelled) setNames(new Map(campaigns.map((campaign) => [campaign.id, campaign.name])));
      },
      (error: unknown) => {
        console.warn("Could not load campaign names; the campaign column stays empty.", error);
        if (!cancelled) setNames((previous) => previous ?? new Map());
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, workspaceId, reloadFor]);

  return useMemo(() => names ?? new Map<string, string>(), [names]);
}
