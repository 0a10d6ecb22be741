import { readFile } from "node:fs/promises";

/** Per-function gateway settings from `supabase/config.toml` (`[functions.<name>] verify_jwt = …`). */
export interface FunctionSettings {
  verifyJwt: boolean;
}

/**
 * Reads the `[functions.<name>]` tables of config.toml. Only `verify_jwt` matters to the local gateway; a
 * function without a table keeps Supabase's default (`verify_jwt = true`).
 */
export async function readFunctionSettings(configPath: string): Promise<Map<string, FunctionSettings>> {
  const text = await readFile(configPath, "utf8");
  const settings = new Map<string, FunctionSettings>();
  let current: string | null = null;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const table = /^\[functions\.([A-Za-z0-9_-]+)\]$/.exec(line);
    if (table?.[1]) {
      current = table[1];
      settings.set(current, { verifyJwt: true });
      continue;
    }
    if (line.startsWith("[")) {
      current = null;
      continue;
    }
    const verify = /^verify_jwt\s*=\s*(true|false)$/.exec(line);
    if (current && verify) settings.set(current, { verifyJwt: verify[1] === "true" });
  }
  return settings;
}
