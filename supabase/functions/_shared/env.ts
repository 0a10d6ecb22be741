import { z } from "zod";

/** The environment a hosted Supabase Edge Function gets (and the local stack gives), validated once. */
const functionEnvSchema = z.object({
  SUPABASE_URL: z.url(),
  SUPABASE_DB_URL: z.string().min(1),
  SUPABASE_ANON_KEY: z.string().min(1),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1),
});
export type FunctionEnv = z.infer<typeof functionEnvSchema>;

/** Thrown when the function is deployed without its environment: an operator must set the secrets. */
export class MissingEnvironmentError extends Error {
  override readonly name = "MissingEnvironmentError";
}

export function readFunctionEnv(
  source: Record<string, string | undefined> = Deno.env.toObject(),
): FunctionEnv {
  const parsed = functionEnvSchema.safeParse(source);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new MissingEnvironmentError(`Edge Function environment is incomplete: ${missing}`);
  }
  return parsed.data;
}
