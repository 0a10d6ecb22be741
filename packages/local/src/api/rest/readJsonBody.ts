import type { IncomingMessage } from "node:http";
import { readBody } from "../sendJson.ts";
import { RestError } from "./RestError.ts";

/** The request body as JSON text plus its parsed value; 400 PGRST102 when it is not JSON, 413 when too large. */
export async function readJsonBody(
  req: IncomingMessage,
  emptyAs: string | null,
): Promise<{ text: string; value: unknown }> {
  const contentType = (req.headers["content-type"] ?? "application/json").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json" && contentType !== "") {
    throw RestError.unsupported(`The request Content-Type \`${contentType}\``);
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new RestError(413, {
        code: "PGRST102",
        message: "The request body is too large",
        details: error.message,
        hint: null,
      });
    }
    throw error;
  }
  if (text.trim() === "" && emptyAs !== null) text = emptyAs;
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw RestError.badBody("Empty or invalid json");
  }
}
