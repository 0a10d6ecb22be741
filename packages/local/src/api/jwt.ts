import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";

/** The claims GoTrue puts in an access token, plus anything else the token carries. */
export const jwtClaimsSchema = z.looseObject({
  sub: z.string().optional(),
  role: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
  email: z.string().optional(),
  session_id: z.string().optional(),
});
export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

/** A JWT that is missing, malformed, badly signed or expired: the caller must sign in again. */
export class InvalidJwtError extends Error {
  override readonly name = "InvalidJwtError";
  constructor(
    message: string,
    readonly reason: "missing" | "malformed" | "expired" | "signature",
  ) {
    super(message);
  }
}

const encoder = new TextEncoder();

/** Signs HS256 with the project's JWT secret, as Supabase signs access tokens and API keys. */
export async function signJwt(
  claims: Record<string, unknown>,
  secret: string,
  expiresInSeconds?: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt(now);
  if (expiresInSeconds !== undefined) jwt = jwt.setExpirationTime(now + expiresInSeconds);
  return jwt.sign(encoder.encode(secret));
}

/** Verifies an HS256 JWT and returns its claims; throws `InvalidJwtError` saying why it is not acceptable. */
export async function verifyJwt(token: string, secret: string): Promise<JwtClaims> {
  if (!token) throw new InvalidJwtError("No JWT was provided", "missing");
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ["HS256"] });
    const parsed = jwtClaimsSchema.safeParse(payload);
    if (!parsed.success) throw new InvalidJwtError("JWT claims are invalid (no role)", "malformed");
    return parsed.data;
  } catch (error) {
    if (error instanceof InvalidJwtError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidJwtError("JWT expired", "expired");
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new InvalidJwtError("JWT signature is invalid", "signature");
    }
    throw new InvalidJwtError("JWT is malformed", "malformed");
  }
}

/**
 * The `anon` and `service_role` API keys of a project: long-lived JWTs signed with its secret. Their `iat` and
 * `exp` are fixed, so one secret always gives the same keys (as Supabase's local keys are stable): the dashboard
 * build that embeds the anon key then survives restarts.
 */
export async function createApiKeys(secret: string): Promise<{ anonKey: string; serviceRoleKey: string }> {
  const key = (role: string) =>
    new SignJWT({ iss: "supabase-demo", role })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(apiKeyIssuedAt)
      .setExpirationTime(apiKeyIssuedAt + 20 * 365 * 24 * 3600)
      .sign(encoder.encode(secret));
  return { anonKey: await key("anon"), serviceRoleKey: await key("service_role") };
}

/** 2025-11-01T00:00:00Z */
const apiKeyIssuedAt = 1_761_955_200;
