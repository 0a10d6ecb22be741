import { InvalidJwtError, type JwtClaims, verifyJwt } from "../jwt.ts";

const capacity = 5_000;
const verified = new Map<string, { secret: string; claims: JwtClaims }>();

/**
 * `verifyJwt` with a bounded memo of tokens already verified (a client sends the same token on every request).
 * A remembered token is still refused once its `exp` has passed; failures are never remembered.
 */
export async function verifyJwtCached(token: string, secret: string): Promise<JwtClaims> {
  const hit = verified.get(token);
  if (hit && hit.secret === secret) {
    if (hit.claims.exp !== undefined && hit.claims.exp * 1000 <= Date.now()) {
      verified.delete(token);
      throw new InvalidJwtError("JWT expired", "expired");
    }
    return hit.claims;
  }
  const claims = await verifyJwt(token, secret);
  if (verified.size >= capacity) {
    const oldest = verified.keys().next();
    if (!oldest.done) verified.delete(oldest.value);
  }
  verified.set(token, { secret, claims });
  return claims;
}
