/**
 * The settings the messaging functions read (see supabase/functions/_shared/env.ts), passed from the local
 * stack's environment to Deno: external API base URLs, the optional LLM, and the public address webhooks use.
 * `ARQAN_PUBLIC_URL` (e.g. a tunnel to port 54321) gives the functions' public URL.
 */
const passedThrough = [
  "TELEGRAM_API_ROOT",
  "WHATSAPP_GRAPH_API_ROOT",
  "WAHA_BASE_URL",
  "OPENAI_BASE_URL",
  "OPENAI_API_KEY",
  "OPENAI_MODEL",
  "ARQAN_LLM_BUDGET_MS",
  "ARQAN_PUBLIC_FUNCTIONS_URL",
] as const;

export function readMessagingEnv(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of passedThrough) {
    const value = env[name];
    if (value !== undefined && value !== "") picked[name] = value;
  }
  const publicUrl = env.ARQAN_PUBLIC_URL?.trim();
  if (publicUrl && !picked.ARQAN_PUBLIC_FUNCTIONS_URL) {
    picked.ARQAN_PUBLIC_FUNCTIONS_URL = `${publicUrl.replace(/\/+$/, "")}/functions/v1`;
  }
  return picked;
}
