import type { IncomingMessage } from "node:http";
import { InvalidJwtError, type JwtClaims } from "../jwt.ts";
import { RestError } from "./RestError.ts";
import { verifyJwtCached } from "./verifyJwtCached.ts";

/** The database roles PostgREST's `authenticator` may switch to on Supabase. */
const requestRoles = new Set(["anon", "authenticated", "service_role"]);

export interface RequestIdentity {
  role: "anon" | "authenticated" | "service_role";
  claims: JwtClaims;
}

/**
 * Verifies the request's JWT as PostgREST does: `Authorization: Bearer` first, else the `apikey` header or
 * parameter (what Supabase's gateway forwards). The `role` claim picks the database role.
 */
export async function authenticateRestRequest(
  req: IncomingMessage,
  url: URL,
  jwtSecret: string,
): Promise<RequestIdentity> {
  const token = readBearerToken(req) ?? readApiKey(req, url);
  let claims: JwtClaims;
  try {
    claims = await verifyJwtCached(token, jwtSecret);
  } catch (error) {
    if (error instanceof InvalidJwtError) throw toRestJwtError(error, token);
    throw error;
  }
  const role = claims.role;
  if (role !== "anon" && role !== "authenticated" && role !== "service_role") {
    throw new RestError(403, {
      code: "42501",
      message: `permission denied to set role "${role}"`,
      details: null,
      hint: `Only the roles ${[...requestRoles].join(", ")} can be used through the API.`,
    });
  }
  return { role, claims };
}

function readBearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() ?? null;
}

function readApiKey(req: IncomingMessage, url: URL): string {
  const header = req.headers.apikey;
  if (typeof header === "string" && header !== "") return header;
  return url.searchParams.get("apikey") ?? "";
}

function toRestJwtError(error: InvalidJwtError, token: string): RestError {
  const parts = token.split(".").length;
  const [code, message] =
    error.reason === "expired"
      ? ["PGRST303", "JWT expired"]
      : error.reason === "signature"
        ? ["PGRST301", "JWT cryptographic operation failed"]
        : parts !== 3
          ? ["PGRST301", `Expected 3 parts in JWT; got ${parts}`]
          : ["PGRST301", error.message];
  return new RestError(
    401,
    { code, message, details: null, hint: null },
    { "www-authenticate": `Bearer error="invalid_token", error_description="${message}"` },
  );
}
