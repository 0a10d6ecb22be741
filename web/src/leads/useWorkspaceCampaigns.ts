import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useState } from "react";
import { listCampaignNames } from "../api/dashboardQueries.ts";
import type { CampaignNameRow } from "../api/rows.ts";

/** The workspace's campaigns by name, for the campaign filter. A failure leaves the list empty, never the page. */
export function useWorkspaceCampaigns(client: SupabaseClient, workspaceId: string): CampaignNameRow[] {
  const [campaigns, setCampaigns] = useState<CampaignNameRow[]>([]);
  useEffect(() => {
    let cancelled = false;
    listCampaignNames(client, workspaceId).then(
      (rows) => {
        if (!cancelled) setCampaigns(rows);
      },
      (error: unknown) => {
        console.warn("Could not load the campaigns; the campaign filter offers none.", error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, workspaceId]);
  return campaigns;
}
