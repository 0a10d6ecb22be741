import type { SignInFailure } from "./SignInError.ts";

/** The parts of a supabase-js `AuthError` that tell failures apart. */
export interface AuthFailureFacts {
  status: number | undefined;
  code: string | undefined;
  message: string;
  /** true for supabase-js's `AuthRetryableFetchError` (no answer from the server). */
  retryable: boolean;
}

/**
 * Maps an Auth failure to what the user should do. Understands both GoTrue's current shape
 * (`error_code: invalid_credentials`) and the older OAuth one (`error: invalid_grant`).
 */
export function classifySignInFailure(facts: AuthFailureFacts): SignInFailure {
  const code = facts.code ?? "";
  const message = facts.message.toLowerCase();
  if (facts.retryable || facts.status === undefined || facts.status === 0 || facts.status >= 500) {
    return "retry-later";
  }
  if (facts.status === 429 || code === "over_request_rate_limit" || code === "over_email_send_rate_limit") {
    return "rate-limited";
  }
  if (code === "email_not_confirmed" || message.includes("email not confirmed")) return "email-not-confirmed";
  if (
    code === "invalid_credentials" ||
    code === "invalid_grant" ||
    message.includes("invalid login credentials") ||
    message.includes("invalid_grant")
  ) {
    return "wrong-credentials";
  }
  return "unknown";
}
