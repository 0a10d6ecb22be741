import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { createAuthHandler } from "./auth/createAuthHandler.ts";
import type { ApiContext, RouteHandler } from "./context.ts";
import { createRealtimeServer } from "./realtime/createRealtimeServer.ts";
import { createRestHandler } from "./rest/createRestHandler.ts";
import { sendJson, sendUnsupported } from "./sendJson.ts";

export interface ApiServer {
  server: Server;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** Handler for `/functions/v1/*` (the Deno functions proxy), or null when functions are not running. */
  functions: RouteHandler | null;
}

const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD",
  "access-control-allow-headers":
    "authorization, apikey, content-type, x-client-info, prefer, range, range-unit, accept-profile, content-profile, x-supabase-api-version, accept, x-region",
  "access-control-expose-headers":
    "content-range, content-location, preference-applied, x-supabase-api-version",
  "access-control-max-age": "86400",
};

/**
 * The local Supabase API stand-in on one port, routed like Supabase's gateway:
 * `/auth/v1` (GoTrue subset), `/rest/v1` (PostgREST subset), `/realtime/v1/websocket` (Phoenix),
 * `/functions/v1` (Deno). Anything else answers 501 naming what is unsupported.
 */
export function createApiServer(ctx: ApiContext, options: ApiServerOptions): ApiServer {
  const auth = createAuthHandler(ctx);
  const rest = createRestHandler(ctx);
  const realtime = createRealtimeServer(ctx);

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
    void route(req, res).catch((error: unknown) => {
      // The path only: a query string may carry an apikey.
      const path = (req.url ?? "/").split("?")[0];
      ctx.log(`[api] ${req.method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { code: "ARQAN_INTERNAL", message: "Internal error in the local stand-in" });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", ctx.apiUrl);
    } catch {
      sendJson(res, 400, { code: "ARQAN_BAD_URL", message: "Malformed request URL" });
      return;
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204);
      res.end();
      return;
    }
    const path = url.pathname;
    if (path.startsWith("/functions/v1/")) {
      if (!options.functions) {
        sendJson(res, 503, { code: "FUNCTIONS_UNAVAILABLE", message: "Edge Functions are not running" });
        return;
      }
      await options.functions(req, res, url);
      return;
    }
    if (path.startsWith("/auth/v1/") || path.startsWith("/rest/v1/")) {
      if (!hasApiKey(req, url)) {
        sendJson(res, 401, {
          message: "No API key found in request",
          hint: "No `apikey` request header or url param was found.",
        });
        return;
      }
      await (path.startsWith("/auth/v1/") ? auth : rest)(req, res, url);
      return;
    }
    if (path === "/" || path === "/health") {
      sendJson(res, 200, { name: "arqan-local-supabase", status: "ok" });
      return;
    }
    sendUnsupported(res, `${req.method} ${path}`);
  }

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops its own error handler before 'upgrade': a client resetting the connection must not crash us.
    socket.on("error", () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? "/", ctx.apiUrl);
    } catch {
      socket.end("HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\n\r\nMalformed request URL\r\n");
      return;
    }
    if (url.pathname === "/realtime/v1/websocket") {
      realtime.handleUpgrade(req, socket, head);
      return;
    }
    socket.end(
      "HTTP/1.1 501 Not Implemented\r\ncontent-type: text/plain\r\n\r\nOnly /realtime/v1/websocket upgrades\r\n",
    );
  });

  return {
    server,
    async close() {
      await realtime.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections (browsers, supabase-js) would hold close() open forever.
      server.closeAllConnections();
      await closed;
    },
  };
}

function hasApiKey(req: IncomingMessage, url: URL): boolean {
  const header = req.headers.apikey;
  return (
    (typeof header === "string" && header.length > 0) || (url.searchParams.get("apikey") ?? "").length > 0
  );
}
