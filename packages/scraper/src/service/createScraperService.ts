import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { siteChoices } from "@arqan/shared";
import { z } from "zod";
import type { ScraperEnv } from "../config/readScraperEnv.ts";
import type { CrawlOptions } from "../crawl/crawlPages.ts";
import { checkPageUrl } from "../parse/checkPageUrl.ts";
import { parseUrl } from "../parse/parseUrl.ts";
import { crawlOptionsFromEnv } from "../tasks/crawlOptionsFromEnv.ts";

const maxRequestBytes = 64 * 1024;

const parseRequestSchema = z.object({
  url: z.string().min(1, "url is required"),
  site: z.enum(siteChoices).default("auto"),
  browser: z.enum(["auto", "never", "always"]).default("auto"),
});

/**
 * The scraper as an HTTP service (the local stack starts it; any container can run it):
 * `POST /parse {"url", "site"?, "browser"?}` → the page's normalized result; `GET /health`.
 * Bad requests get 400 with a stable code; a page that could not be fetched is a result (`ok: false` with its
 * error code: blocked, not_found, too_large, robots_disallowed…), not a server error.
 */
export function createScraperService(options: {
  env: ScraperEnv;
  crawlOverrides?: Partial<CrawlOptions>;
  log?: (line: string) => void;
}): Server {
  const token = options.env.serviceToken;
  return createServer((request, response) => {
    handle(request, response).catch((error) => {
      options.log?.(`[scraper] ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent)
        send(response, 500, { code: "internal_error", message: "The scraper failed" });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? "/", "http://scraper").pathname;
    if (request.method === "GET" && path === "/health") return send(response, 200, { ok: true });
    if (path !== "/parse") return send(response, 404, { code: "not_found", message: `No route ${path}` });
    if (request.method !== "POST") {
      return send(response, 405, { code: "method_not_allowed", message: "Use POST /parse" });
    }
    if (token !== null && !hasToken(request, token)) {
      return send(response, 401, { code: "unauthorized", message: "Missing or wrong bearer token" });
    }
    const body = await readBody(request);
    if (body === null) {
      return send(response, 413, {
        code: "request_too_large",
        message: `Requests are limited to ${maxRequestBytes} bytes`,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(response, 400, { code: "invalid_json", message: "The request body is not JSON" });
    }
    const parsed = parseRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return send(response, 400, {
        code: "invalid_request",
        message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
      });
    }
    const target = checkPageUrl(parsed.data.url);
    if ("code" in target) return send(response, 400, target);
    const result = await parseUrl(target.url, {
      ...crawlOptionsFromEnv(options.env),
      ...options.crawlOverrides,
      site: parsed.data.site,
      browser: parsed.data.browser,
    });
    send(response, 200, result);
  }
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxRequestBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
