import { describe, expect, it } from "vitest";
import { readDashboardConfig } from "./readDashboardConfig.ts";

function fakeJwt(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}.signature`;
}

describe("readDashboardConfig", () => {
  it("accepts a project URL and an anon key", () => {
    const key = fakeJwt({ role: "anon" });
    expect(
      readDashboardConfig({ VITE_SUPABASE_URL: "http://127.0.0.1:54321/", VITE_SUPABASE_ANON_KEY: key }),
    ).toEqual({ ok: true, config: { supabaseUrl: "http://127.0.0.1:54321", supabaseAnonKey: key } });
  });

  it("accepts a publishable key of the new format", () => {
    const result = readDashboardConfig({
      VITE_SUPABASE_URL: "https://abcd.supabase.co",
      VITE_SUPABASE_ANON_KEY: "sb_publishable_abc",
    });
    expect(result.ok).toBe(true);
  });

  it("names every missing variable", () => {
    expect(readDashboardConfig({})).toEqual({
      ok: false,
      problems: [
        { variable: "VITE_SUPABASE_URL", problem: "missing" },
        { variable: "VITE_SUPABASE_ANON_KEY", problem: "missing" },
      ],
    });
  });

  it("rejects a URL that is not http(s)", () => {
    const result = readDashboardConfig({ VITE_SUPABASE_URL: "127.0.0.1:54321", VITE_SUPABASE_ANON_KEY: "x" });
    expect(result).toEqual({ ok: false, problems: [{ variable: "VITE_SUPABASE_URL", problem: "invalid" }] });
  });

  it("refuses a secret key, which must never reach the browser", () => {
    for (const key of [fakeJwt({ role: "service_role" }), "sb_secret_abc"]) {
      const result = readDashboardConfig({
        VITE_SUPABASE_URL: "https://abcd.supabase.co",
        VITE_SUPABASE_ANON_KEY: key,
      });
      expect(result).toEqual({
        ok: false,
        problems: [{ variable: "VITE_SUPABASE_ANON_KEY", problem: "secret" }],
      });
    }
  });
});
