import { z } from "zod";

const claimsSchema = z.object({ role: z.string(), sub: z.string().optional() });

export type Caller = { kind: "service" } | { kind: "user"; userId: string } | { kind: "anonymous" };

/**
 * Who called, from the bearer JWT the gateway has already verified (`verify_jwt = true` for these functions,
 * locally and on Supabase). Only the claims are read here; the signature check is the gateway's.
 */
export function readCaller(req: Request): Caller {
  const header = req.headers.get("authorization") ?? "";
  const token = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : "";
  const payload = token.split(".")[1];
  if (!payload) return { kind: "anonymous" };
  try {
    const json = atob(
      payload
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(payload.length / 4) * 4, "="),
    );
    const claims = claimsSchema.parse(
      JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))),
    );
    if (claims.role === "service_role") return { kind: "service" };
    if (claims.role === "authenticated" && claims.sub && z.uuid().safeParse(claims.sub).success) {
      return { kind: "user", userId: claims.sub };
    }
    return { kind: "anonymous" };
  } catch {
    return { kind: "anonymous" };
  }
}
