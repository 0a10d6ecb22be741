import { randomBytes, randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { signJwt } from "../jwt.ts";
import { type AuthUser, renderGoTrueUser } from "./loadAuthUser.ts";

export interface AuthSession {
  id: string;
  createdAt: Date;
}

const createdRowsSchema = z.array(z.object({ created_at: z.date() }));

/** A fresh opaque refresh token (stored as-is in `auth.refresh_tokens`, as GoTrue stores them). */
export function createRefreshToken(): string {
  return randomBytes(18).toString("base64url");
}

/** Opens a session (`auth.sessions`) with its first refresh token and answers GoTrue's session response. */
export async function startSession(
  tx: TransactionSql,
  ctx: ApiContext,
  user: AuthUser,
): Promise<Record<string, unknown>> {
  const sessionId = randomUUID();
  const [session] = createdRowsSchema.parse(
    await tx`insert into auth.sessions (id, user_id) values (${sessionId}, ${user.id}) returning created_at`,
  );
  const refreshToken = createRefreshToken();
  await tx`
    insert into auth.refresh_tokens (instance_id, token, user_id, revoked, session_id)
    values ('00000000-0000-0000-0000-000000000000', ${refreshToken}, ${user.id}, false, ${sessionId})`;
  return renderSession(
    ctx,
    user,
    { id: sessionId, createdAt: session?.created_at ?? new Date() },
    refreshToken,
  );
}

/**
 * GoTrue's session response: an HS256 access token carrying the claims GoTrue issues (`sub`, `role`, `aud`,
 * `exp`, `iat`, `email`, `phone`, `app_metadata`, `user_metadata`, `session_id`, `aal`, `amr`, `is_anonymous`)
 * plus the refresh token and the user.
 */
export async function renderSession(
  ctx: ApiContext,
  user: AuthUser,
  session: AuthSession,
  refreshToken: string,
): Promise<Record<string, unknown>> {
  const expiresAt = Math.floor(Date.now() / 1000) + ctx.jwtExpirySeconds;
  const accessToken = await signJwt(
    {
      iss: `${ctx.apiUrl}/auth/v1`,
      sub: user.id,
      aud: user.aud ?? "authenticated",
      exp: expiresAt,
      email: user.email ?? "",
      phone: user.phone ?? "",
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? "authenticated",
      aal: "aal1",
      amr: [{ method: "password", timestamp: Math.floor(session.createdAt.getTime() / 1000) }],
      session_id: session.id,
      is_anonymous: user.is_anonymous,
    },
    ctx.jwtSecret,
  );
  return {
    access_token: accessToken,
    token_type: "bearer",
    expires_in: ctx.jwtExpirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: renderGoTrueUser(user),
  };
}
