import type { FetchPath } from "@arqan/shared";
import type { FetchOutcome } from "./fetchTicket.ts";
import { PageTooLargeError } from "./readBodyWithinLimit.ts";

/**
 * Maps what a fetch threw (got, Playwright, Crawlee's own timeouts) to the crawl's error codes: a page over the
 * size limit is final, a content type we do not read is final, timeouts and connection failures may pass.
 */
export function classifyFetchError(
  error: unknown,
  path: FetchPath,
  cancelled: boolean,
): FetchOutcome & { ok: false } {
  const message = (
    error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error)
  ).replace(/\.$/, "");
  if (cancelled)
    return {
      ok: false,
      path,
      code: "cancelled",
      message: "the crawl was cancelled",
      status: null,
      retryable: true,
    };
  if (error instanceof PageTooLargeError) {
    return { ok: false, path, code: "too_large", message: error.message, status: null, retryable: false };
  }
  if (/served Content-Type/i.test(message)) {
    return {
      ok: false,
      path,
      code: "http_error",
      message: `unsupported content type: ${message}`,
      status: null,
      retryable: false,
    };
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || /timed? ?out|timeout/i.test(message)) {
    return { ok: false, path, code: "timeout", message, status: null, retryable: true };
  }
  return { ok: false, path, code: "network", message, status: null, retryable: true };
}
