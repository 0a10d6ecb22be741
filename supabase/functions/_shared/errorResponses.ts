import { jsonResponse } from "./jsonResponse.ts";

/** The answers every function gives for the same situations, with stable codes. */
export const respond = {
  methodNotAllowed: (allow: string) =>
    jsonResponse(405, { code: "METHOD_NOT_ALLOWED", message: `Use ${allow}` }, { allow }),
  notFound: (code: string, message: string) => jsonResponse(404, { code, message }),
  unauthorized: (code: string, message: string) => jsonResponse(401, { code, message }),
  forbidden: (message: string) => jsonResponse(403, { code: "FORBIDDEN", message }),
  badRequest: (code: string, message: string, details?: unknown) =>
    jsonResponse(400, details === undefined ? { code, message } : { code, message, details }),
  unavailable: (code: string, message: string) =>
    jsonResponse(503, { code, message }, { "retry-after": "5" }),
  failed: () => jsonResponse(500, { code: "INTERNAL", message: "The function failed; it has been logged" }),
};
