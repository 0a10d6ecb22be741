import type { QualificationScriptRow } from "../api/settingsRows.ts";

/**
 * The stored script a lead is qualified with, picked as the server picks it: the campaign's niche, else the
 * channel's niche, else the workspace default (`niche_id` null). Null means the built-in default script.
 */
export function chooseQualificationScript(
  scripts: QualificationScriptRow[],
  campaignNicheId: string | null,
  channelNicheIds: (string | null)[],
): QualificationScriptRow | null {
  const forNiche = (nicheId: string | null) =>
    nicheId === null ? undefined : scripts.find((script) => script.niche_id === nicheId);
  const byCampaign = forNiche(campaignNicheId);
  if (byCampaign !== undefined) return byCampaign;
  for (const nicheId of channelNicheIds) {
    const byChannel = forNiche(nicheId);
    if (byChannel !== undefined) return byChannel;
  }
  return scripts.find((script) => script.niche_id === null) ?? null;
}
