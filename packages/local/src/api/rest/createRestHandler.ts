import type { ApiContext, RouteHandler } from "../context.ts";
import { sendUnsupported } from "../sendJson.ts";

/** PostgREST subset: filled in by the REST work. */
export function createRestHandler(_ctx: ApiContext): RouteHandler {
  return async (req, res, url) => sendUnsupported(res, `${req.method} ${url.pathname}`);
}
