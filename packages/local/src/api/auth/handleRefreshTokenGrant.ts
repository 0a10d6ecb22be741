import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { AuthError } from "./AuthError.ts";
import { isBanned, loadAuthUser } from "./loadAuthUser.ts";
import { createRefreshToken, renderSession } from "./startSession.ts";

const refreshGrantSchema = z.looseObject({ refresh_token: z.string().optional() });
const revokedRowsSchema = z.array(
  z.object({ session_id: z.string().nullable(), user_id: z.string().nullable() }),
);
const sessionRowsSchema = z.array(z.object({ created_at: z.date(), expired: z.boolean() }));

/**
 * `POST /auth/v1/token?grant_type=refresh_token`: rotates the refresh token (the old one is revoked) and issues
 * a new access token for the same session. Presenting a rotated token again is treated as theft, as GoTrue's
 * reuse detection does: the whole session is revoked and the request fails.
 */
export async function handleRefreshTokenGrant(
  ctx: ApiContext,
  body: unknown,
): Promise<Record<string, unknown>> {
  const parsed = refreshGrantSchema.safeParse(body);
  const token = parsed.success ? parsed.data.refresh_token : undefined;
  if (token === undefined || token === "")
    throw new AuthError(400, "validation_failed", "Send the refresh_token to exchange");
  const outcome = await ctx.sql.begin(async (tx) => {
    const [revoked] = revokedRowsSchema.parse(
      await tx`
        update auth.refresh_tokens set revoked = true, updated_at = now()
         where token = ${token} and revoked = false
        returning session_id::text as session_id, user_id`,
    );
    if (!revoked) {
      const reused = revokedRowsSchema.parse(
        await tx`select session_id::text as session_id, user_id from auth.refresh_tokens where token = ${token}`,
      );
      const sessionId = reused[0]?.session_id;
      if (sessionId) {
        await tx`delete from auth.sessions where id = ${sessionId}`;
        return {
          error: new AuthError(
            400,
            "refresh_token_already_used",
            "Invalid Refresh Token: Already Used",
            "invalid_grant",
          ),
        };
      }
      throw new AuthError(
        400,
        "refresh_token_not_found",
        "Invalid Refresh Token: Refresh Token Not Found",
        "invalid_grant",
      );
    }
    const sessionId = revoked.session_id;
    const [session] = sessionId
      ? sessionRowsSchema.parse(
          await tx`select created_at, coalesce(not_after < now(), false) as expired from auth.sessions where id = ${sessionId}`,
        )
      : [];
    if (!sessionId || !session)
      throw new AuthError(
        400,
        "session_not_found",
        "Invalid Refresh Token: Session Not Found",
        "invalid_grant",
      );
    if (session.expired)
      throw new AuthError(400, "session_expired", "Invalid Refresh Token: Session Expired", "invalid_grant");
    const user = revoked.user_id === null ? null : await loadAuthUser(tx, revoked.user_id);
    if (!user)
      throw new AuthError(400, "user_not_found", "Invalid Refresh Token: User Not Found", "invalid_grant");
    if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned", "invalid_grant");
    const refreshToken = createRefreshToken();
    await tx`
      insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id)
      values ('00000000-0000-0000-0000-000000000000', ${refreshToken}, ${user.id}, false, ${token}, ${sessionId})`;
    await tx`update auth.sessions set updated_at = now() where id = ${sessionId}`;
    return {
      session: await renderSession(ctx, user, { id: sessionId, createdAt: session.created_at }, refreshToken),
    };
  });
  // The session revocation on reuse must commit, so that error is returned from the transaction, not thrown.
  if ("error" in outcome) throw outcome.error;
  return outcome.session;
}
