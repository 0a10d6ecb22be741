import type { IncomingMessage } from "node:http";
import type { ApiContext } from "../context.ts";
import type { RequestIdentity } from "./authenticateRestRequest.ts";
import type { MediaChoice } from "./negotiateMediaType.ts";
import type { Preferences } from "./parsePrefer.ts";
import type { RequestScope } from "./runAsRequestRole.ts";

/** One parsed, authenticated PostgREST request on its way to a handler. */
export interface RestRequest {
  ctx: ApiContext;
  req: IncomingMessage;
  url: URL;
  method: "GET" | "HEAD" | "POST" | "PATCH" | "DELETE";
  /** The path PostgREST sees, e.g. `/notes`. */
  path: string;
  identity: RequestIdentity;
  prefer: Preferences;
  media: MediaChoice;
}

/** What a handler answers; `createRestHandler` writes it. */
export interface RestResult {
  status: number;
  /** JSON text rendered by Postgres, or null for no body. */
  body: string | null;
  headers: Record<string, string>;
}

/** The transaction setup for a request: read-only for GET and HEAD, as PostgREST runs them. */
export function scopeOf(request: RestRequest, readOnly: boolean): RequestScope {
  return {
    identity: request.identity,
    method: request.method,
    path: request.path,
    headers: request.req.headers,
    readOnly,
  };
}
