import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../packages/local/src/findFreePort.ts";
import {
  type EdgeFunctionsHandle,
  startEdgeFunctions,
} from "../../packages/local/src/functions/startEdgeFunctions.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

/** The `health` Edge Function under real Deno with the environment a hosted function gets. */
describe("health function (Deno)", () => {
  let db: TestDatabase;
  let reachable: EdgeFunctionsHandle;
  let unreachable: EdgeFunctionsHandle;
  const keys = {
    SUPABASE_URL: "http://127.0.0.1:54321",
    SUPABASE_ANON_KEY: "anon",
    SUPABASE_SERVICE_ROLE_KEY: "service",
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const deadPort = await findFreePort();
    [reachable, unreachable] = await Promise.all([
      startEdgeFunctions({ ...keys, SUPABASE_DB_URL: db.url }),
      startEdgeFunctions({
        ...keys,
        SUPABASE_DB_URL: `postgres://postgres:secret-pw@127.0.0.1:${deadPort}/postgres`,
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([reachable?.stop(), unreachable?.stop()]);
    await db?.drop();
  });

  it("answers 200 with the database reachable", async () => {
    const response = await fetch(`${reachable.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true } });
  });

  it("answers 503 with a retry hint when the database is down, without leaking the connection string", async () => {
    const response = await fetch(`${unreachable.url}/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      status: "degraded",
      database: { reachable: false, code: "DATABASE_UNREACHABLE" },
    });
    expect(text).not.toContain("secret-pw");
  });

  it("answers 404 for a function that does not exist and 405 for a wrong method", async () => {
    expect((await fetch(`${reachable.url}/no-such-function`)).status).toBe(404);
    expect((await fetch(`${reachable.url}/health`, { method: "POST" })).status).toBe(405);
  });
});
