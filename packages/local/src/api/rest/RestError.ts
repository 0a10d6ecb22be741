/** The body PostgREST answers every error with. */
export interface RestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

/**
 * An error answered the way PostgREST answers it: an HTTP status and `{code, message, details, hint}`.
 * `status` tells the caller what to do: 4xx fix the request, 401 sign in again, 501 use a hosted project.
 */
export class RestError extends Error {
  override readonly name = "RestError";
  constructor(
    readonly status: number,
    readonly body: RestErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }

  /** 501 naming a PostgREST feature the local stand-in does not serve (instead of a wrong answer). */
  static unsupported(what: string): RestError {
    return new RestError(501, {
      code: "ARQAN_UNSUPPORTED",
      message: `${what} is not supported by the local Supabase stand-in`,
      details: null,
      hint: "Rewrite the query within the supported subset, or run against a hosted Supabase project for the full API.",
    });
  }

  /** 400 PGRST100: a query string parameter PostgREST could not parse. */
  static badParameter(parameter: string, value: string, details: string): RestError {
    return new RestError(400, {
      code: "PGRST100",
      message: `failed to parse ${parameter} (${value})`,
      details,
      hint: null,
    });
  }

  /** 400 PGRST102: a request body that is not the JSON the request needs. */
  static badBody(message: string): RestError {
    return new RestError(400, { code: "PGRST102", message, details: null, hint: null });
  }
}
