import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiContext } from "../context.ts";

export interface RealtimeServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** Phoenix websocket for postgres_changes: filled in by the Realtime work. */
export function createRealtimeServer(_ctx: ApiContext): RealtimeServer {
  return {
    handleUpgrade(_req, socket) {
      socket.end("HTTP/1.1 501 Not Implemented\r\n\r\n");
    },
    async close() {},
  };
}
