import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/** One HTTP request as a fake sees it: the raw bytes, so each fake parses them the way its real API does. */
export interface FakeRequest {
  method: string;
  /** The path without the query string, e.g. `/bot123:abc/sendMessage`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** What a fake answers: a JSON body (serialised here) or raw text, with optional headers. */
export interface FakeResponse {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * A node:http server on a free 127.0.0.1 port that hands every request to `handle` and writes what it returns.
 * `close()` drops open keep-alive connections too (grammY and undici keep them), so a test never hangs on it.
 */
export async function startFakeHttpServer(
  handle: (request: FakeRequest) => Promise<FakeResponse> | FakeResponse,
): Promise<FakeHttpServer> {
  const server = createServer(async (req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? "/", "http://fake.invalid");
      const answer = await handle({
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        at,
      });
      if (res.destroyed) return;
      const body = answer.text ?? (answer.json === undefined ? "" : JSON.stringify(answer.json));
      const contentType = answer.text === undefined ? "application/json" : "text/plain; charset=utf-8";
      res.writeHead(answer.status, { "content-type": contentType, ...answer.headers });
      res.end(body);
    } catch (error) {
      if (res.destroyed) return;
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`fake server error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Waits `ms` milliseconds without keeping the process alive on its own (a closed fake must not hold the run). */
export function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The calls a fake received, in order, with a way to wait for one. `calls` is one live array: `reset()` empties it
 * in place, so a reference taken earlier stays current.
 */
export class CallLog<Call> {
  readonly calls: Call[] = [];
  readonly #waiters = new Set<{ predicate: (call: Call) => boolean; resolve: (call: Call) => void }>();

  constructor(private readonly describe: (call: Call) => string) {}

  record(call: Call): void {
    this.calls.push(call);
    for (const waiter of this.#waiters) {
      if (waiter.predicate(call)) {
        this.#waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  /** Resolves with the first recorded call (already there or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (call: Call) => boolean, timeoutMs = 5_000): Promise<Call> {
    const found = this.calls.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<Call>((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (call: Call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.calls.map(this.describe);
        const shown = seen.length > 20 ? [...seen.slice(0, 20), `… ${seen.length - 20} more`] : seen;
        reject(
          new Error(
            `waitFor: no matching call within ${timeoutMs} ms; ${seen.length} call(s) recorded${
              shown.length > 0 ? `:\n  ${shown.join("\n  ")}` : ""
            }`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  reset(): void {
    this.calls.length = 0;
  }
}

/** A short random lowercase hex string, as providers use in message ids. */
export function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("hex");
}

/** Parses a JSON request body; `null` when it is empty or not JSON. */
export function readJson(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return null;
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    return null;
  }
}

/** A header's single value (node gives arrays for repeated headers). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(headerValue(headers, "authorization") ?? "");
  return match?.[1]?.trim() ?? null;
}
