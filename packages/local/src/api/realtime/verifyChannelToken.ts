import { decodeJwt } from "jose";
import { InvalidJwtError, type JwtClaims, verifyJwt } from "../jwt.ts";

/** A token a channel may use: its claims go to `request.jwt.claims` and its role to `set role`. */
export interface ChannelAuth {
  token: string;
  claims: JwtClaims;
  role: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

export type ChannelTokenCheck =
  | { ok: true; auth: ChannelAuth }
  | {
      ok: false;
      /** The join reply's `reason`, as Supabase Realtime words it (`Code: message`). */
      reason: string;
      /** The bare message Supabase sends in the `system` event when a joined channel's token goes bad. */
      message: string;
    };

/**
 * Checks a channel's access token as Supabase Realtime does: HS256 with the project secret, and both `role` and
 * `exp` present. Failures carry Supabase's wording so clients see the same errors locally.
 */
export async function verifyChannelToken(token: string, secret: string): Promise<ChannelTokenCheck> {
  try {
    const claims = await verifyJwt(token.replace(/\s/g, ""), secret);
    if (typeof claims.exp !== "number") return missingClaims();
    return { ok: true, auth: { token, claims, role: claims.role, expiresAt: claims.exp * 1000 } };
  } catch (error) {
    if (!(error instanceof InvalidJwtError)) throw error;
    switch (error.reason) {
      case "expired": {
        const message = `Token has expired ${secondsSinceExpiry(token)} seconds ago`;
        return { ok: false, reason: `InvalidJWTToken: ${message}`, message };
      }
      case "signature":
        return {
          ok: false,
          reason: "JwtSignatureError: Failed to validate JWT signature",
          message: "Failed to validate JWT signature",
        };
      case "malformed":
        return error.message.includes("no role")
          ? missingClaims()
          : {
              ok: false,
              reason: "MalformedJWT: The token provided is not a valid JWT",
              message: "The token provided is not a valid JWT",
            };
      case "missing":
        return {
          ok: false,
          reason: "MalformedJWT: The token provided is not a valid JWT",
          message: "The token provided is not a valid JWT",
        };
    }
  }
}

/** The message a channel gets when its token runs out while it is joined. */
export function describeExpiry(expiresAt: number, now = Date.now()): string {
  return `Token has expired ${Math.max(0, Math.floor((now - expiresAt) / 1000))} seconds ago`;
}

function missingClaims(): ChannelTokenCheck {
  const message = "Fields `role` and `exp` are required in JWT";
  return { ok: false, reason: `InvalidJWTToken: ${message}`, message };
}

function secondsSinceExpiry(token: string): number {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === "number" ? Math.max(0, Math.floor(Date.now() / 1000) - exp) : 0;
  } catch {
    return 0;
  }
}
