import { Agent, request as httpRequest } from "node:http";
import { resolve } from "node:path";
import type { RouteHandler } from "../api/context.ts";
import { InvalidJwtError, verifyJwt } from "../api/jwt.ts";
import { sendJson } from "../api/sendJson.ts";
import { supabaseDir } from "../paths.ts";
import { type FunctionSettings, readFunctionSettings } from "./readFunctionSettings.ts";

/**
 * `/functions/v1/<name>/…` → the Deno runtime as `/<name>/…`, verifying the caller's JWT first unless the
 * function's config says `verify_jwt = false` (webhooks authenticate by the platform's own mechanism).
 */
export function createFunctionsProxy(
  targetUrl: string,
  settings: Map<string, FunctionSettings>,
  jwtSecret: string,
): RouteHandler {
  const target = new URL(targetUrl);
  // Connections to Deno are kept open: a webhook burst would otherwise pay a TCP handshake per update.
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  return async (req, res, url) => {
    const path = url.pathname.slice("/functions/v1".length) || "/";
    const name = path.split("/")[1] ?? "";
    if ((settings.get(name)?.verifyJwt ?? true) === true) {
      const header = req.headers.authorization ?? "";
      const token = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : "";
      try {
        await verifyJwt(token, jwtSecret);
      } catch (error) {
        const message = error instanceof InvalidJwtError ? error.message : "Invalid JWT";
        sendJson(res, 401, { code: 401, message });
        return;
      }
    }
    await new Promise<void>((resolve) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          agent,
          method: req.method,
          path: `${path}${url.search}`,
          headers: { ...req.headers, host: `${target.hostname}:${target.port}` },
        },
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
          response.on("end", resolve);
          response.on("error", () => resolve());
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent)
          sendJson(res, 503, {
            code: "FUNCTIONS_UNAVAILABLE",
            message: "Edge Functions runtime is not reachable",
          });
        resolve();
      });
      req.pipe(upstream);
    });
  };
}

/** The gateway for this project's functions: verify_jwt per function as `supabase/config.toml` says. */
export async function proxyProjectFunctions(targetUrl: string, jwtSecret: string): Promise<RouteHandler> {
  return createFunctionsProxy(
    targetUrl,
    await readFunctionSettings(resolve(supabaseDir, "config.toml")),
    jwtSecret,
  );
}

/**
 * A `/functions/v1` route to give the API server before the functions run (they need its URL to start): it
 * answers 503 until `attach` hands it the real gateway.
 */
export function lateFunctionsRoute(): { route: RouteHandler; attach(gateway: RouteHandler): void } {
  let gateway: RouteHandler | null = null;
  return {
    route: async (req, res, url) => {
      if (gateway) return gateway(req, res, url);
      sendJson(res, 503, { code: "FUNCTIONS_STARTING", message: "Edge Functions are still starting" });
    },
    attach(next) {
      gateway = next;
    },
  };
}
