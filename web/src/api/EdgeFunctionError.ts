import type { QueryFailureAction } from "./DashboardQueryError.ts";

/**
 * An Edge Function call failed. `code` is the function's stable error code (`INVALID_TOKEN`, `FORBIDDEN`…), or
 * `NETWORK` when no answer came, `UNKNOWN` when the answer had no code; `action` says what the caller should do.
 */
export class EdgeFunctionError extends Error {
  override readonly name = "EdgeFunctionError";
  readonly functionName: string;
  /** HTTP status; 0 when the function could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly action: QueryFailureAction;

  constructor(
    functionName: string,
    failure: { status: number; code: string; action: QueryFailureAction; message: string },
    options?: { cause?: unknown },
  ) {
    super(`${functionName}: ${failure.status} ${failure.code} ${failure.message}`, options);
    this.functionName = functionName;
    this.status = failure.status;
    this.code = failure.code;
    this.action = failure.action;
  }
}
