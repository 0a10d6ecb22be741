import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext, RouteHandler } from "../context.ts";
import { readBody, sendJson, sendUnsupported } from "../sendJson.ts";
import { AuthError } from "./AuthError.ts";
import { authenticateAuthRequest } from "./authenticateAuthRequest.ts";
import { handleLogout } from "./handleLogout.ts";
import { handlePasswordGrant } from "./handlePasswordGrant.ts";
import { handleRefreshTokenGrant } from "./handleRefreshTokenGrant.ts";
import { renderGoTrueUser } from "./loadAuthUser.ts";

/** GoTrue answers with the API version it speaks; auth-js reads error codes by it. */
const versionHeader = { "x-supabase-api-version": "2024-01-01" };

/**
 * GoTrue subset at `/auth/v1`: password and refresh-token grants, the current user, logout. Errors are shaped as
 * GoTrue's; any other path answers 501 naming it.
 */
export function createAuthHandler(ctx: ApiContext): RouteHandler {
  return async (req, res, url) => {
    try {
      await route(ctx, req, res, url);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      sendJson(res, error.status, error.toBody(), versionHeader);
    }
  };
}

async function route(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const endpoint = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  if (endpoint === "POST /auth/v1/token") {
    const grantType = url.searchParams.get("grant_type");
    if (grantType === "password") {
      sendJson(res, 200, await handlePasswordGrant(ctx, await readJson(req)), versionHeader);
      return;
    }
    if (grantType === "refresh_token") {
      sendJson(res, 200, await handleRefreshTokenGrant(ctx, await readJson(req)), versionHeader);
      return;
    }
    sendUnsupported(res, `POST /auth/v1/token?grant_type=${grantType ?? ""}`);
    return;
  }
  if (endpoint === "GET /auth/v1/user") {
    const { user } = await authenticateAuthRequest(req, ctx);
    sendJson(res, 200, renderGoTrueUser(user), versionHeader);
    return;
  }
  if (endpoint === "POST /auth/v1/logout") {
    await handleLogout(req, ctx, url);
    res.writeHead(204, versionHeader);
    res.end();
    return;
  }
  sendUnsupported(res, `${req.method} ${url.pathname}`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req, 100_000);
  } catch (error) {
    if (error instanceof RangeError)
      throw new AuthError(413, "request_too_large", "The request body is too large");
    throw error;
  }
  try {
    return text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AuthError(400, "bad_json", "Could not parse request body as JSON");
  }
}
