import { RestError } from "./RestError.ts";

export interface Preferences {
  return: "minimal" | "representation" | null;
  count: "exact" | null;
  resolution: "merge-duplicates" | "ignore-duplicates" | null;
  missing: "default" | "null" | null;
  rollback: boolean;
  maxAffected: number | null;
  strict: boolean;
  /** The preferences honoured, for the `Preference-Applied` header. */
  applied: string[];
}

/**
 * Parses PostgREST's `Prefer` header (several headers arrive joined by commas). Preferences the stand-in cannot
 * honour are 501; unknown ones are ignored, or 400 PGRST122 under `handling=strict`, as PostgREST does.
 */
export function parsePrefer(header: string | string[] | undefined): Preferences {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const preferences: Preferences = {
    return: null,
    count: null,
    resolution: null,
    missing: null,
    rollback: false,
    maxAffected: null,
    strict: false,
    applied: [],
  };
  const invalid: string[] = [];
  for (const item of text.split(",")) {
    const token = item.trim();
    if (token === "") continue;
    const [name = "", value = ""] = token.split("=", 2).map((part) => part.trim());
    if (name === "return" && (value === "minimal" || value === "representation")) preferences.return = value;
    else if (name === "return" && value === "headers-only")
      throw RestError.unsupported("Prefer: return=headers-only");
    else if (name === "count" && (value === "exact" || value === "planned" || value === "estimated")) {
      // An exact count is a valid answer to every count preference.
      preferences.count = "exact";
    } else if (name === "resolution" && (value === "merge-duplicates" || value === "ignore-duplicates")) {
      preferences.resolution = value;
    } else if (name === "missing" && (value === "default" || value === "null")) preferences.missing = value;
    else if (name === "tx" && (value === "commit" || value === "rollback"))
      preferences.rollback = value === "rollback";
    else if (name === "handling" && (value === "strict" || value === "lenient"))
      preferences.strict = value === "strict";
    else if (name === "max-affected" && /^\d+$/.test(value)) preferences.maxAffected = Number(value);
    else if (name === "timezone" || name === "params") throw RestError.unsupported(`Prefer: ${token}`);
    else {
      invalid.push(token);
      continue;
    }
    preferences.applied.push(token);
  }
  if (preferences.strict && invalid.length > 0) {
    throw new RestError(400, {
      code: "PGRST122",
      message: "Invalid preferences given with handling=strict",
      details: `Invalid preferences: ${invalid.join(", ")}`,
      hint: null,
    });
  }
  return preferences;
}
