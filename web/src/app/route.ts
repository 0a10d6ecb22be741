import { z } from "zod";

/**
 * The dashboard's pages, addressed by the URL hash: `#/leads`, `#/leads/<id>`, `#/settings`, `#/research`,
 * `#/research/tasks/<id>`, `#/research/niches/<id>`, `#/research/compare?ids=<id>,<id>`.
 */
export type Route =
  | { page: "leads" }
  | { page: "lead"; leadId: string }
  | { page: "settings" }
  | { page: "research" }
  | { page: "researchTask"; taskId: string }
  | { page: "niche"; nicheId: string }
  | { page: "nicheCompare"; nicheIds: string[] };

const idSchema = z.guid();

/** How many niches one comparison holds at most; more ids in the hash are ignored. */
export const maxComparedNiches = 4;

function readId(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const id = idSchema.safeParse(decoded);
  return id.success ? id.data : null;
}

/** The niche ids of `ids=a,b,…`: well-formed ids only, each once, at most `maxComparedNiches`. */
function readComparedIds(query: string): string[] {
  const raw = new URLSearchParams(query).get("ids") ?? "";
  const ids: string[] = [];
  for (const part of raw.split(",")) {
    const id = readId(part.trim());
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, maxComparedNiches);
}

function parseResearchRoute(segments: string[], query: string): Route | null {
  const [second, third, ...rest] = segments;
  if (second === undefined) return { page: "research" };
  if (second === "compare" && third === undefined)
    return { page: "nicheCompare", nicheIds: readComparedIds(query) };
  if (third === undefined || rest.length > 0) return null;
  const id = readId(third);
  if (id === null) return null;
  if (second === "tasks") return { page: "researchTask", taskId: id };
  if (second === "niches") return { page: "niche", nicheId: id };
  return null;
}

/** The page a hash names; anything unknown (or empty, or the old `#leads`) is the inbox. */
export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?", 2);
  const segments = path.split("/").filter((segment) => segment !== "");
  const [first, second, ...rest] = segments;
  if (first === "settings" && second === undefined) return { page: "settings" };
  // A research address that names nothing known (a malformed id, an unknown part) opens the research home.
  if (first === "research") return parseResearchRoute(segments.slice(1), query) ?? { page: "research" };
  if (first === "leads" && second !== undefined && rest.length === 0) {
    const id = readId(second);
    if (id !== null) return { page: "lead", leadId: id };
  }
  return { page: "leads" };
}

/** The hash that opens `route`. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case "leads":
      return "#/leads";
    case "lead":
      return `#/leads/${encodeURIComponent(route.leadId)}`;
    case "settings":
      return "#/settings";
    case "research":
      return "#/research";
    case "researchTask":
      return `#/research/tasks/${encodeURIComponent(route.taskId)}`;
    case "niche":
      return `#/research/niches/${encodeURIComponent(route.nicheId)}`;
    case "nicheCompare":
      return `#/research/compare?ids=${route.nicheIds.map(encodeURIComponent).join(",")}`;
  }
}
