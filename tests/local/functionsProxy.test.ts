import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import { createFunctionsProxy } from "../../packages/local/src/functions/createFunctionsProxy.ts";
import { readFunctionSettings } from "../../packages/local/src/functions/readFunctionSettings.ts";
import { supabaseDir } from "../../packages/local/src/paths.ts";

/** The local gateway in front of the functions: it enforces `verify_jwt` from config.toml as Supabase's does. */
describe("functions gateway", () => {
  const secret = "functions-test-secret-with-32-characters!";
  let upstream: Server;
  let gateway: Server;
  let gatewayUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    const settings = await readFunctionSettings(`${supabaseDir}/config.toml`);
    const proxy = createFunctionsProxy(
      `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      settings,
      secret,
    );
    gateway = createServer((req, res) => void proxy(req, res, new URL(req.url ?? "/", "http://127.0.0.1")));
    await new Promise<void>((r) => gateway.listen(0, "127.0.0.1", r));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => gateway.close(r));
    await new Promise((r) => upstream.close(r));
  });

  it("reads verify_jwt = false for health from config.toml", async () => {
    const settings = await readFunctionSettings(`${supabaseDir}/config.toml`);
    expect(settings.get("health")).toEqual({ verifyJwt: false });
  });

  it("passes a function with verify_jwt = false through without a JWT, as /<name>/… with the query", async () => {
    const response = await fetch(`${gatewayUrl}/functions/v1/health/deep?x=1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: "/health/deep?x=1" });
  });

  it("refuses a function with the default verify_jwt without a valid JWT, before it runs", async () => {
    const before = seen.length;
    expect((await fetch(`${gatewayUrl}/functions/v1/private-report`)).status).toBe(401);
    const forged = await signJwt(
      { role: "authenticated", sub: "x" },
      "another-secret-of-at-least-32-characters",
      60,
    );
    const withForged = await fetch(`${gatewayUrl}/functions/v1/private-report`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(withForged.status).toBe(401);
    expect(seen.length).toBe(before);
    const valid = await signJwt({ role: "authenticated", sub: "x" }, secret, 60);
    const ok = await fetch(`${gatewayUrl}/functions/v1/private-report`, {
      headers: { authorization: `Bearer ${valid}` },
    });
    expect(ok.status).toBe(200);
  });
});
