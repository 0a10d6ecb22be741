import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { ApiContext } from "../context.ts";
import { verifyJwt } from "../jwt.ts";
import { createChangeDispatcher } from "./createChangeDispatcher.ts";
import { createReplicationFeed } from "./createReplicationFeed.ts";
import { supportedVsns } from "./phoenixFrame.ts";
import { serveRealtimeConnection } from "./serveRealtimeConnection.ts";

export interface RealtimeServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** The publication Supabase Realtime reads postgres_changes from. */
const publication = "supabase_realtime";

/**
 * Supabase Realtime's websocket (`/realtime/v1/websocket`) for postgres_changes, as realtime-js 2.x speaks to
 * it: Phoenix serializer 1.0.0 or 2.0.0 (`vsn`), the project's `apikey`, channels on `realtime:<name>`. Changes
 * come from one logical replication stream of the `supabase_realtime` publication, started at the first join,
 * and reach a channel only when its role and JWT claims may select the row. Broadcast and Presence are refused
 * out loud rather than imitated.
 */
export function createRealtimeServer(ctx: ApiContext): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const sockets = new Set<WebSocket>();
  let closing = false;
  const dispatcher = createChangeDispatcher({ sql: ctx.sql, log: ctx.log });
  const feed = createReplicationFeed({
    databaseUrl: ctx.databaseUrl,
    sql: ctx.sql,
    publication,
    log: ctx.log,
    onTransaction: (transaction) => dispatcher.enqueue(transaction),
    onRelation: (relationId) => dispatcher.forgetTable(relationId),
    onInterrupted: (message) => dispatcher.notifyAll("error", message),
    onResumed: () => dispatcher.notifyAll("ok", "Subscribed to PostgreSQL"),
  });

  return {
    handleUpgrade(req, socket, head) {
      if (closing) return refuse(socket, 503, "Realtime is shutting down");
      const url = new URL(req.url ?? "/", ctx.apiUrl);
      const requestedVsn = url.searchParams.get("vsn") ?? "1.0.0";
      const vsn = supportedVsns.find((supported) => supported === requestedVsn);
      if (!vsn)
        return refuse(socket, 400, `Unsupported vsn ${requestedVsn}: connect with vsn=1.0.0 or vsn=2.0.0`);
      const header = req.headers.apikey;
      const apiKey = url.searchParams.get("apikey") ?? (typeof header === "string" ? header : "");
      if (!apiKey)
        return refuse(
          socket,
          401,
          "No API key found in request: pass the project's apikey as a query parameter",
        );
      verifyJwt(apiKey, ctx.jwtSecret).then(
        () => {
          if (closing) return refuse(socket, 503, "Realtime is shutting down");
          wss.handleUpgrade(req, socket, head, (ws) => {
            sockets.add(ws);
            ws.on("close", () => sockets.delete(ws));
            serveRealtimeConnection({
              ws,
              vsn,
              apiKey,
              jwtSecret: ctx.jwtSecret,
              sql: ctx.sql,
              publication,
              feed,
              dispatcher,
              log: ctx.log,
            });
          });
        },
        () =>
          refuse(
            socket,
            403,
            "The apikey is not a valid API key of this project: use its anon or service_role key",
          ),
      );
    },
    async close() {
      closing = true;
      const closed = [...sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once("close", () => resolve());
            ws.close(1001, "server shutting down");
          }),
      );
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 300))]);
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await feed.close();
    },
  };
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
