import { nicheInputSchema, parseInputSchema, type TaskKind } from "./researchRows.ts";

/** What a task was asked to do, in the words of the task list. */
export type TaskInputSummary =
  | {
      kind: "parse";
      /** How many pages were given, and the host of the first, to recognise the shop. */
      urlCount: number;
      firstHost: string | null;
      site: string;
      followPages: number;
    }
  | { kind: "niche"; query: string; city: string | null; sites: string[]; maxPages: number }
  /** An input this dashboard cannot read (a newer worker): the task is still listed. */
  | { kind: "unknown" };

function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** Reads a task's `input` (jsonb, outside data) into its summary, by the task's kind. */
export function describeTaskInput(kind: TaskKind, input: unknown): TaskInputSummary {
  if (kind === "parse") {
    const parsed = parseInputSchema.safeParse(input);
    if (!parsed.success) return { kind: "unknown" };
    const { urls, site, follow_pages } = parsed.data;
    return {
      kind: "parse",
      urlCount: urls.length,
      firstHost: hostOf(urls[0]),
      site,
      followPages: follow_pages,
    };
  }
  const parsed = nicheInputSchema.safeParse(input);
  if (!parsed.success) return { kind: "unknown" };
  const { query, city, sites, max_pages } = parsed.data;
  return { kind: "niche", query, city, sites, maxPages: max_pages };
}

/** The pages a parse task was given, for the export's header; none for other tasks. */
export function taskSourceUrls(kind: TaskKind, input: unknown): string[] {
  if (kind !== "parse") return [];
  const parsed = parseInputSchema.safeParse(input);
  return parsed.success ? parsed.data.urls : [];
}
