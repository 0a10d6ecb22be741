/**
 * Why a password sign-in failed, in terms of what the user should do:
 * - `wrong-credentials`: check the email and password;
 * - `email-not-confirmed`: confirm the email first;
 * - `rate-limited`: wait, then try again;
 * - `retry-later`: the network or the server is down;
 * - `unknown`: anything else (the message has the server's words).
 */
export type SignInFailure =
  | "wrong-credentials"
  | "email-not-confirmed"
  | "rate-limited"
  | "retry-later"
  | "unknown";

/** A password sign-in failed; `reason` is what the UI shows, `message` keeps the server's words for logs. */
export class SignInError extends Error {
  override readonly name = "SignInError";
  readonly reason: SignInFailure;

  constructor(reason: SignInFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
