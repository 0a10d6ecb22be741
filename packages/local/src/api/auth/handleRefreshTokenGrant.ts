import type { TransactionSql } from "postgres";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { AuthError } from "./AuthError.ts";
import { isBanned, loadAuthUser } from "./loadAuthUser.ts";
import { createRefreshToken, renderSession } from "./startSession.ts";

/** `[auth] refresh_token_reuse_interval` of supabase/config.toml: seconds a rotated token may still be presented. */
const refreshTokenReuseIntervalSeconds = 10;

const refreshGrantSchema = z.looseObject({ refresh_token: z.string().optional() });
const revokedRowsSchema = z.array(
  z.object({ session_id: z.string().nullable(), user_id: z.string().nullable() }),
);
const reusedRowsSchema = z.array(
  z.object({ session_id: z.string().nullable(), user_id: z.string().nullable(), reusable: z.boolean() }),
);
const activeRowsSchema = z.array(z.object({ token: z.string() }));
const sessionRowsSchema = z.array(z.object({ created_at: z.date(), expired: z.boolean() }));

interface Grant {
  sessionId: string | null;
  userId: string | null;
  /** The refresh token to answer with: the active descendant on a reuse, else null (rotate to a new one). */
  activeToken: string | null;
}

/**
 * `POST /auth/v1/token?grant_type=refresh_token`: rotates the refresh token (the old one is revoked) and issues
 * a new access token for the same session. As GoTrue does, a rotated token presented again within
 * `refresh_token_reuse_interval` of its rotation (two tabs refreshing at once) is answered with a fresh access
 * token and the session's currently active refresh token; presented later, it is treated as theft: the whole
 * session is revoked and the request fails.
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
    const grant = await claimRefreshToken(tx, token);
    if (grant instanceof AuthError) return { error: grant };
    const { sessionId } = grant;
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
    const user = grant.userId === null ? null : await loadAuthUser(tx, grant.userId);
    if (!user)
      throw new AuthError(400, "user_not_found", "Invalid Refresh Token: User Not Found", "invalid_grant");
    if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned", "invalid_grant");
    let refreshToken = grant.activeToken;
    if (refreshToken === null) {
      refreshToken = createRefreshToken();
      await tx`
        insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id)
        values ('00000000-0000-0000-0000-000000000000', ${refreshToken}, ${user.id}, false, ${token}, ${sessionId})`;
    }
    await tx`update auth.sessions set updated_at = now() where id = ${sessionId}`;
    return {
      session: await renderSession(ctx, user, { id: sessionId, createdAt: session.created_at }, refreshToken),
    };
  });
  // The session revocation on reuse must commit, so that error is returned from the transaction, not thrown.
  if ("error" in outcome) throw outcome.error;
  return outcome.session;
}

/**
 * Revokes the presented token if it is the session's active one. A token already rotated is accepted within the
 * reuse interval (answered with the session's active token, or a new child when none is left); after it, the
 * session is deleted and the `refresh_token_already_used` error returned for the caller to commit.
 */
async function claimRefreshToken(tx: TransactionSql, token: string): Promise<Grant | AuthError> {
  const [revoked] = revokedRowsSchema.parse(
    await tx`
      update auth.refresh_tokens set revoked = true, updated_at = now()
       where token = ${token} and revoked = false
      returning session_id::text as session_id, user_id`,
  );
  if (revoked) return { sessionId: revoked.session_id, userId: revoked.user_id, activeToken: null };
  // A concurrent rotation of the same token has committed by now (the update above waited for its row lock).
  const [reused] = reusedRowsSchema.parse(
    await tx`
      select session_id::text as session_id, user_id,
             coalesce(updated_at > now() - make_interval(secs => ${refreshTokenReuseIntervalSeconds}), false) as reusable
        from auth.refresh_tokens where token = ${token}`,
  );
  const sessionId = reused?.session_id;
  if (!reused || !sessionId)
    throw new AuthError(
      400,
      "refresh_token_not_found",
      "Invalid Refresh Token: Refresh Token Not Found",
      "invalid_grant",
    );
  if (!reused.reusable) {
    await tx`delete from auth.sessions where id = ${sessionId}`;
    return new AuthError(
      400,
      "refresh_token_already_used",
      "Invalid Refresh Token: Already Used",
      "invalid_grant",
    );
  }
  const [active] = activeRowsSchema.parse(
    await tx`
      select token from auth.refresh_tokens
       where session_id = ${sessionId} and revoked = false
       order by id desc limit 1
       for update`,
  );
  return { sessionId, userId: reused.user_id, activeToken: active?.token ?? null };
}
