import type { ApiContext, RouteHandler } from "../context.ts";
import { sendUnsupported } from "../sendJson.ts";

/** GoTrue subset: filled in by the Auth work. */
export function createAuthHandler(_ctx: ApiContext): RouteHandler {
  return async (req, res, url) => sendUnsupported(res, `${req.method} ${url.pathname}`);
}
