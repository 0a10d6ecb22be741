/**
 * robots.txt as RFC 9309 reads it: groups of `User-agent` lines followed by `Allow`/`Disallow` rules, `*` matching
 * any characters and a trailing `$` anchoring the end. For a URL the longest matching rule wins; on a tie Allow wins.
 */
export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written, e.g. `/private/` or `/*.pdf$`. */
  pattern: string;
}

export interface RobotsGroup {
  /** Lower-cased product tokens, `*` for everyone. */
  agents: string[];
  rules: RobotsRule[];
}

export interface RobotsTxt {
  groups: RobotsGroup[];
  /** True allows everything (no robots.txt, or an empty one). */
  allowsAll: boolean;
}

/** The answer for a site without rules (robots.txt missing: 4xx). */
export const allowEverything: RobotsTxt = { groups: [], allowsAll: true };

export function parseRobotsTxt(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let collectingAgents = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === "user-agent") {
      if (!collectingAgents || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      collectingAgents = true;
    } else if (field === "allow" || field === "disallow") {
      collectingAgents = false;
      // An empty Disallow allows everything; it adds no rule.
      if (!current || value === "") continue;
      current.rules.push({ allow: field === "allow", pattern: value });
    } else {
      // Sitemap, Crawl-delay, Host…: not rules; they do not end a run of User-agent lines either.
    }
  }
  return { groups, allowsAll: groups.every((g) => g.rules.length === 0) };
}

/**
 * The rules for a user agent: the groups naming the longest product token found in the UA string (a UA
 * "Mozilla/5.0 (compatible; ArqanBot/1.0)" takes the "arqanbot" group), else the `*` groups; rules of several
 * groups for the same token are merged.
 */
function rulesFor(robots: RobotsTxt, userAgent: string): RobotsRule[] {
  const ua = userAgent.toLowerCase();
  let best = "";
  for (const group of robots.groups) {
    for (const agent of group.agents) {
      if (agent !== "*" && agent.length > best.length && ua.includes(agent)) best = agent;
    }
  }
  const token = best === "" ? "*" : best;
  return robots.groups.filter((g) => g.agents.includes(token)).flatMap((g) => g.rules);
}

const patternCache = new Map<string, RegExp>();

function patternToRegExp(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const anchored = pattern.endsWith("$");
    const body = (anchored ? pattern.slice(0, -1) : pattern)
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    regex = new RegExp(`^${body}${anchored ? "$" : ""}`);
    patternCache.set(pattern, regex);
  }
  return regex;
}

/** Percent-encodes what a robots.txt author may have written raw (Cyrillic paths), so both sides compare alike. */
function normalizePath(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

/** Whether `userAgent` may fetch the URL (its path and query) under these rules. */
export function isAllowedByRobots(robots: RobotsTxt, url: string, userAgent: string): boolean {
  if (robots.allowsAll) return true;
  const parsed = new URL(url);
  if (parsed.pathname === "/robots.txt") return true;
  const target = normalizePath(parsed.pathname + parsed.search);
  let winner: { length: number; allow: boolean } | null = null;
  for (const rule of rulesFor(robots, userAgent)) {
    const pattern = normalizePath(rule.pattern);
    if (!patternToRegExp(pattern).test(target)) continue;
    const length = pattern.length;
    if (!winner || length > winner.length || (length === winner.length && rule.allow)) {
      winner = { length, allow: rule.allow };
    }
  }
  return winner?.allow ?? true;
}
