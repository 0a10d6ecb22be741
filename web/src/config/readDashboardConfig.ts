import { z } from "zod";

/** What the dashboard needs to reach its Supabase project; both are public by design. */
export interface DashboardConfig {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

export type ConfigProblem = {
  variable: "VITE_SUPABASE_URL" | "VITE_SUPABASE_ANON_KEY";
  problem: "missing" | "invalid" | "secret";
};

const jwtClaimsSchema = z.object({ role: z.string().optional() });

/** The `role` claim of a JWT-shaped key, or null if the key is not a readable JWT. */
function readKeyRole(key: string): string | null {
  const payload = key.split(".")[1];
  if (payload === undefined) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const claims = jwtClaimsSchema.safeParse(json);
    return claims.success ? (claims.data.role ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the build-time environment (Vite's `import.meta.env`). Refuses a service-role or `sb_secret_` key:
 * whatever is given here ends up in the public bundle.
 */
export function readDashboardConfig(
  env: Record<string, unknown>,
): { ok: true; config: DashboardConfig } | { ok: false; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const url = env.VITE_SUPABASE_URL;
  const key = env.VITE_SUPABASE_ANON_KEY;

  const urlParsed = z.url({ protocol: /^https?$/ }).safeParse(url);
  if (url === undefined || url === "") problems.push({ variable: "VITE_SUPABASE_URL", problem: "missing" });
  else if (!urlParsed.success) problems.push({ variable: "VITE_SUPABASE_URL", problem: "invalid" });

  const keyParsed = z.string().trim().min(1).safeParse(key);
  if (key === undefined || key === "")
    problems.push({ variable: "VITE_SUPABASE_ANON_KEY", problem: "missing" });
  else if (!keyParsed.success) problems.push({ variable: "VITE_SUPABASE_ANON_KEY", problem: "invalid" });
  else if (keyParsed.data.startsWith("sb_secret_") || readKeyRole(keyParsed.data) === "service_role") {
    problems.push({ variable: "VITE_SUPABASE_ANON_KEY", problem: "secret" });
  }

  if (problems.length > 0 || !urlParsed.success || !keyParsed.success) return { ok: false, problems };
  return {
    ok: true,
    config: { supabaseUrl: urlParsed.data.replace(/\/+$/, ""), supabaseAnonKey: keyParsed.data },
  };
}
