import type { ServerResponse } from "node:http";

/** Writes a JSON response (the stand-in's only body format besides CSV-free PostgREST JSON). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(payload);
}

/** 501 naming what the local stand-in does not serve, instead of a wrong answer. */
export function sendUnsupported(res: ServerResponse, what: string): void {
  sendJson(res, 501, {
    code: "ARQAN_UNSUPPORTED",
    message: `${what} is not supported by the local Supabase stand-in`,
    hint: "Run against a hosted Supabase project (VITE_SUPABASE_URL) for the full API.",
  });
}

/** Reads a request body up to `limit` bytes. */
export async function readBody(req: import("node:http").IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new RangeError(`request body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
