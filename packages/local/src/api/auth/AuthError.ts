/**
 * An error answered the way GoTrue answers it (API version 2024-01-01): `code`/`error_code` (stable, e.g.
 * `invalid_credentials`), `msg`, and for the token endpoint also OAuth's `error`/`error_description`.
 */
export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** OAuth error (`invalid_grant`) for token-endpoint failures. */
    readonly oauthError: string | null = null,
  ) {
    super(message);
  }

  toBody(): Record<string, string> {
    const body: Record<string, string> = {
      code: this.errorCode,
      error_code: this.errorCode,
      msg: this.message,
    };
    if (this.oauthError !== null) {
      body.error = this.oauthError;
      body.error_description = this.message;
    }
    return body;
  }
}
