import { nicheSites } from "@arqan/shared";
import { type NicheRow, type NicheTaskInput, nicheInputSchema, type ParserTaskRow } from "./researchRows.ts";

/** Pages per marketplace a refresh reads when the niche was never researched here. */
const defaultRefreshPages = 3;

/**
 * What "refresh research" searches: the niche's query (its name when it has none) in its city, on the
 * marketplaces and with the pages of its latest niche task, else on all three, 3 pages each.
 */
export function nicheRefreshInput(niche: NicheRow, tasks: readonly ParserTaskRow[]): NicheTaskInput {
  const latest = tasks
    .filter((task) => task.kind === "niche")
    .map((task) => nicheInputSchema.safeParse(task.input))
    .find((parsed) => parsed.success)?.data;
  const query = niche.query?.trim() || niche.name.trim();
  return {
    query,
    city: niche.city?.trim() || null,
    sites: latest?.sites.length ? latest.sites : [...nicheSites],
    max_pages: latest?.max_pages ?? defaultRefreshPages,
  };
}
