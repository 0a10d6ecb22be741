import { type NicheReport, nicheReportSchema } from "@arqan/shared";
import type { MarketResearchRow } from "./researchRows.ts";

/** A stored report, parsed; null when it is in a shape this dashboard cannot read (an older or newer version). */
export function readNicheReport(row: Pick<MarketResearchRow, "data">): NicheReport | null {
  const parsed = nicheReportSchema.safeParse(row.data);
  return parsed.success ? parsed.data : null;
}
