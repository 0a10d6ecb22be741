import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { InvalidJwtError, type JwtClaims, verifyJwt } from "../jwt.ts";
import { AuthError } from "./AuthError.ts";
import { type AuthUser, loadAuthUser } from "./loadAuthUser.ts";

export interface AuthenticatedUser {
  user: AuthUser;
  claims: JwtClaims;
  /** The session the access token belongs to, when it names one. */
  sessionId: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sessionRowsSchema = z.array(z.object({ id: z.string() }));

/**
 * GoTrue's `requireAuthentication`: a valid access token in `Authorization: Bearer`, whose user exists and whose
 * session (if it names one) has not been signed out. Malformed, badly signed or expired tokens are 401 `bad_jwt`;
 * a signed-out session is 403 `session_not_found`.
 */
export async function authenticateAuthRequest(
  req: IncomingMessage,
  ctx: ApiContext,
): Promise<AuthenticatedUser> {
  const header = req.headers.authorization;
  const token = typeof header === "string" ? /^bearer\s+(.+)$/i.exec(header.trim())?.[1]?.trim() : undefined;
  if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
  let claims: JwtClaims;
  try {
    claims = await verifyJwt(token, ctx.jwtSecret);
  } catch (error) {
    if (!(error instanceof InvalidJwtError)) throw error;
    const reason =
      error.reason === "expired"
        ? "token has invalid claims: token is expired"
        : error.reason === "signature"
          ? "signature is invalid"
          : "token is malformed";
    throw new AuthError(401, "bad_jwt", `invalid JWT: unable to parse or verify signature, ${reason}`);
  }
  if (!claims.sub) throw new AuthError(403, "bad_jwt", "invalid claim: missing sub claim");
  const user = await loadAuthUser(ctx.sql, claims.sub);
  if (!user) throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
  const sessionId = claims.session_id ?? null;
  if (sessionId !== null) {
    const sessions = uuidPattern.test(sessionId)
      ? sessionRowsSchema.parse(
          await ctx.sql`select id::text as id from auth.sessions where id = ${sessionId} and user_id = ${user.id}`,
        )
      : [];
    if (sessions.length === 0)
      throw new AuthError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
  }
  return { user, claims, sessionId };
}
