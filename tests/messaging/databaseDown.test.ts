import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../packages/local/src/findFreePort.ts";
import {
  type EdgeFunctionsHandle,
  startEdgeFunctions,
} from "../../packages/local/src/functions/startEdgeFunctions.ts";

/** With the database unreachable the webhooks answer 503 (the platforms retry later), never 2xx or a stack trace. */
describe("webhooks while the database is down", () => {
  let functions: EdgeFunctionsHandle;
  const channel = "6f1d3c2a-1111-4222-8333-444455556666";

  beforeAll(async () => {
    const deadPort = await findFreePort();
    functions = await startEdgeFunctions({
      SUPABASE_URL: "http://127.0.0.1:54321",
      SUPABASE_DB_URL: `postgres://postgres:db-secret-pw@127.0.0.1:${deadPort}/postgres`,
      SUPABASE_ANON_KEY: "anon",
      SUPABASE_SERVICE_ROLE_KEY: "service",
    });
  }, 120_000);
  afterAll(async () => {
    await functions?.stop();
  });

  it.each([
    ["telegram-webhook", { "x-telegram-bot-api-secret-token": "whatever" }],
    ["whatsapp-webhook", { "x-webhook-hmac": "00" }],
  ])("%s answers 503 with Retry-After", async (name, headers) => {
    const response = await fetch(`${functions.url}/${name}/${channel}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ update_id: 1, message: { text: "hi" } }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    expect(text).not.toContain("db-secret-pw");
  });
});
