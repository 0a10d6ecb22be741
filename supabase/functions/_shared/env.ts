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

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim().replace(/\/+$/, "") : undefined))
  .pipe(z.url().optional());

/**
 * What the messaging functions need beyond the platform's variables: where the external APIs live (real ones
 * by default, fakes in tests), the optional LLM, and the public URL webhooks are registered at.
 */
const messagingEnvSchema = z.object({
  TELEGRAM_API_ROOT: optionalUrl.transform((v) => v ?? "https://api.telegram.org"),
  WHATSAPP_GRAPH_API_ROOT: optionalUrl.transform((v) => v ?? "https://graph.facebook.com/v21.0"),
  /** The WAHA server used when a channel names none. */
  WAHA_BASE_URL: optionalUrl,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().optional(),
  /** The LLM's time budget per message; past it the rules result stands. */
  ARQAN_LLM_BUDGET_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** Public base of the functions (`https://<ref>.supabase.co/functions/v1`); derived from SUPABASE_URL when public. */
  ARQAN_PUBLIC_FUNCTIONS_URL: optionalUrl,
});

export interface MessagingEnv extends FunctionEnv {
  telegramApiRoot: string;
  whatsappGraphApiRoot: string;
  wahaBaseUrl: string | null;
  llm: { baseUrl: string | undefined; apiKey: string; model: string; budgetMs: number } | null;
  /** Where Telegram and Meta can reach our functions; null when the stack has no public address. */
  publicFunctionsUrl: string | null;
}

let cached: MessagingEnv | null = null;

/** Reads and validates the messaging environment once per instance. */
export function readMessagingEnv(): MessagingEnv {
  if (cached) return cached;
  const source = Deno.env.toObject();
  const base = readFunctionEnv(source);
  const parsed = messagingEnvSchema.safeParse(source);
  if (!parsed.success) {
    const wrong = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new MissingEnvironmentError(`Edge Function environment is invalid: ${wrong}`);
  }
  const env = parsed.data;
  const llmConfigured = env.OPENAI_BASE_URL !== undefined || (env.OPENAI_API_KEY ?? "") !== "";
  const result: MessagingEnv = {
    ...base,
    telegramApiRoot: env.TELEGRAM_API_ROOT,
    whatsappGraphApiRoot: env.WHATSAPP_GRAPH_API_ROOT,
    wahaBaseUrl: env.WAHA_BASE_URL ?? null,
    llm: llmConfigured
      ? {
          baseUrl: env.OPENAI_BASE_URL,
          apiKey: env.OPENAI_API_KEY || "not-needed",
          model: env.OPENAI_MODEL || "gpt-4o-mini",
          budgetMs: env.ARQAN_LLM_BUDGET_MS,
        }
      : null,
    publicFunctionsUrl: env.ARQAN_PUBLIC_FUNCTIONS_URL ?? derivePublicFunctionsUrl(base.SUPABASE_URL),
  };
  cached = result;
  return result;
}

/** A hosted project's URL is public; a loopback or private address is not reachable by Telegram or Meta. */
function derivePublicFunctionsUrl(supabaseUrl: string): string | null {
  const host = new URL(supabaseUrl).hostname;
  const local =
    host === "localhost" ||
    host.endsWith(".local") ||
    /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.0\.0\.0$|\[?::1\]?$)/.test(host);
  return local ? null : `${supabaseUrl.replace(/\/+$/, "")}/functions/v1`;
}
