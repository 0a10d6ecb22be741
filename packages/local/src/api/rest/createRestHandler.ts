import type { IncomingMessage, ServerResponse } from "node:http";
import postgres from "postgres";
import type { ApiContext, RouteHandler } from "../context.ts";
import { sendJson } from "../sendJson.ts";
import { authenticateRestRequest, type RequestIdentity } from "./authenticateRestRequest.ts";
import { handleDelete } from "./handleDelete.ts";
import { handleInsert } from "./handleInsert.ts";
import { handleRpc } from "./handleRpc.ts";
import { handleTableRead } from "./handleTableRead.ts";
import { handleUpdate } from "./handleUpdate.ts";
import { mapPostgresError } from "./mapPostgresError.ts";
import { negotiateMediaType } from "./negotiateMediaType.ts";
import { parsePrefer } from "./parsePrefer.ts";
import { RestError } from "./RestError.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";

const prefix = "/rest/v1";

/**
 * PostgREST subset at `/rest/v1`: table and view reads and writes, and `rpc/<fn>`, each in one transaction run
 * as the JWT's role so RLS decides. Errors are PostgREST's `{code, message, details, hint}`; what the stand-in
 * does not serve is 501, never a wrong answer.
 */
export function createRestHandler(ctx: ApiContext): RouteHandler {
  return async (req, res, url) => {
    const state: { identity: RequestIdentity | null } = { identity: null };
    try {
      writeResult(res, await serve(ctx, req, url, state));
    } catch (error) {
      const restError =
        error instanceof RestError
          ? error
          : mapPostgresError(
              error,
              state.identity?.role !== "authenticated" && state.identity?.role !== "service_role",
            );
      if (!restError) throw error;
      if (restError.status >= 500 && restError.status !== 501)
        ctx.log(`[rest] ${req.method} ${url.pathname}: ${restError.message}`);
      sendJson(res, restError.status, restError.body, {
        ...restError.headers,
        "proxy-status": `PostgREST; error=${restError.body.code}`,
      });
    }
  };
}

async function serve(
  ctx: ApiContext,
  req: IncomingMessage,
  url: URL,
  state: { identity: RequestIdentity | null },
): Promise<RestResult> {
  const method = req.method ?? "GET";
  const path = url.pathname.slice(prefix.length) || "/";
  const segments = decodeSegments(path);
  if (method === "PUT") throw RestError.unsupported("PUT (single-row upsert)");
  if (
    method !== "GET" &&
    method !== "HEAD" &&
    method !== "POST" &&
    method !== "PATCH" &&
    method !== "DELETE"
  ) {
    throw new RestError(405, {
      code: "PGRST117",
      message: `Unsupported HTTP method: ${method}`,
      details: null,
      hint: null,
    });
  }
  const identity = await authenticateRestRequest(req, url, ctx.jwtSecret);
  state.identity = identity;
  requirePublicProfile(req, method === "GET" || method === "HEAD");
  const request: RestRequest = {
    ctx,
    req,
    url,
    method,
    path,
    identity,
    prefer: parsePrefer(req.headers.prefer),
    media: negotiateMediaType(req.headers.accept),
  };
  const [first, second, ...rest] = segments;
  if (first === undefined) throw RestError.unsupported("The OpenAPI description at /rest/v1/");
  if (first === "rpc" && second !== undefined && rest.length === 0) {
    if (method !== "GET" && method !== "HEAD" && method !== "POST") {
      throw new RestError(405, {
        code: "PGRST101",
        message: `Cannot use the ${method} method on RPC`,
        details: null,
        hint: null,
      });
    }
    return handleRpc(request, second);
  }
  if (second !== undefined) {
    throw new RestError(404, {
      code: "PGRST125",
      message: "Invalid path specified in request URL",
      details: null,
      hint: null,
    });
  }
  try {
    if (method === "GET" || method === "HEAD") return await handleTableRead(request, first);
    if (method === "POST") return await handleInsert(request, first);
    if (method === "PATCH") return await handleUpdate(request, first);
    return await handleDelete(request, first);
  } catch (error) {
    throw await explainMissingTable(ctx, error, first);
  }
}

function decodeSegments(path: string): string[] {
  try {
    return path
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => {
        const decoded = decodeURIComponent(segment);
        if (decoded.includes("\u0000")) throw new URIError("NUL in a path segment");
        return decoded;
      });
  } catch {
    throw new RestError(404, {
      code: "PGRST125",
      message: "Invalid path specified in request URL",
      details: null,
      hint: null,
    });
  }
}

/** 406 PGRST106 for a schema other than `public` (the only one the stand-in exposes). */
function requirePublicProfile(req: IncomingMessage, reading: boolean): void {
  const header = reading ? req.headers["accept-profile"] : req.headers["content-profile"];
  const profile = Array.isArray(header) ? header[0] : header;
  if (profile === undefined || profile === "" || profile === "public") return;
  throw new RestError(406, {
    code: "PGRST106",
    message: "The schema must be one of the following: public",
    details: null,
    hint: null,
  });
}

/** An undefined-relation error on the target itself becomes PostgREST's 404 PGRST205. */
async function explainMissingTable(ctx: ApiContext, error: unknown, table: string): Promise<unknown> {
  if (!(error instanceof postgres.PostgresError) || (error.code !== "42P01" && error.code !== "42704"))
    return error;
  const [row] = await ctx.sql`
    select exists (
      select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = ${table} and c.relkind in ('r', 'v', 'm', 'f', 'p')
    ) as found`;
  if (row?.found === true) return error;
  return new RestError(404, {
    code: "PGRST205",
    message: `Could not find the table 'public.${table}' in the schema cache`,
    details: null,
    hint: null,
  });
}

function writeResult(res: ServerResponse, result: RestResult): void {
  res.writeHead(result.status, result.headers);
  res.end(result.body === null || result.status === 204 ? undefined : result.body);
}
