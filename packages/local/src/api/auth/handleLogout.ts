import type { IncomingMessage } from "node:http";
import type { ApiContext } from "../context.ts";
import { AuthError } from "./AuthError.ts";
import { authenticateAuthRequest } from "./authenticateAuthRequest.ts";

/**
 * `POST /auth/v1/logout?scope=global|local|others`: ends the user's sessions (all of them, this one, or all but
 * this one); their refresh tokens go with them. Access tokens already issued are refused by `/user` afterwards.
 */
export async function handleLogout(req: IncomingMessage, ctx: ApiContext, url: URL): Promise<void> {
  const scope = url.searchParams.get("scope") ?? "global";
  if (scope !== "global" && scope !== "local" && scope !== "others") {
    throw new AuthError(400, "validation_failed", "Unsupported logout scope: use global, local or others");
  }
  const { user, sessionId } = await authenticateAuthRequest(req, ctx);
  if (scope === "global" || sessionId === null) {
    await ctx.sql`delete from auth.sessions where user_id = ${user.id}`;
  } else if (scope === "local") {
    await ctx.sql`delete from auth.sessions where id = ${sessionId}`;
  } else {
    await ctx.sql`delete from auth.sessions where user_id = ${user.id} and id <> ${sessionId}`;
  }
}
