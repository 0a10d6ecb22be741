import { z } from "zod";
import { readJsonOrNull } from "./readJsonBody.ts";
import { readRetryAfterSeconds, redactSecrets, SendError, sendErrorFromFetchFailure } from "./sendErrors.ts";

export interface WahaClientOptions {
  /** The WAHA server, e.g. "https://waha.example.kz" (no trailing path). */
  baseUrl: string;
  /** Sent as `X-Api-Key` when set (WAHA's `WHATSAPP_API_KEY`). */
  apiKey?: string | null;
  /** The WAHA session that holds the WhatsApp account, e.g. "default". */
  session: string;
  fetch?: typeof fetch;
  /** Per request; 10 s by default. */
  timeoutMs?: number;
}

export interface WahaClient {
  /** Sends a text to a chat ("77011234567@c.us"); resolves with WAHA's message id. Throws {@link SendError}. */
  sendText(chatId: string, text: string): Promise<{ id: string }>;
}

/**
 * The created message WAHA answers `POST /api/sendText` with. Its id depends on the engine: WEBJS gives an object
 * with `_serialized`, others a string; NOWEB answers Baileys' message with `key.id`.
 */
const sentMessageSchema = z.union([
  z.looseObject({ id: z.string().min(1) }).transform((message) => message.id),
  z
    .looseObject({ id: z.looseObject({ _serialized: z.string().min(1) }) })
    .transform((message) => message.id._serialized),
  z.looseObject({ key: z.looseObject({ id: z.string().min(1) }) }).transform((message) => message.key.id),
]);

/** NestJS's error body: `{ statusCode, message, error }`, `message` a string or a list of validation messages. */
const wahaErrorSchema = z.looseObject({ message: z.union([z.string(), z.array(z.string())]) });

/** Sends WhatsApp messages through a WAHA server (devlikeapro/waha, `POST /api/sendText`). */
export function createWahaClient(options: WahaClientOptions): WahaClient {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/api/sendText`;

  return {
    async sendText(chatId, text) {
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            ...(options.apiKey ? { "x-api-key": options.apiKey } : {}),
          },
          body: JSON.stringify({ session: options.session, chatId, text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw sendErrorFromFetchFailure("WAHA", error);
      }
      const answer = await readJsonOrNull(response);
      if (response.ok) {
        const id = sentMessageSchema.safeParse(answer);
        if (id.success) return { id: id.data };
        throw new SendError(
          `WAHA answered ${response.status} without a message id; the message may have been sent`,
          {
            uncertain: true,
            status: response.status,
          },
        );
      }
      const parsedError = wahaErrorSchema.safeParse(answer);
      const detail = parsedError.success ? [parsedError.data.message].flat().join("; ").slice(0, 300) : "";
      const message = redactSecrets(
        `WAHA refused the message (HTTP ${response.status})${detail ? `: ${detail}` : ""}`,
        [options.apiKey],
      );
      const status = response.status;
      // 422: the session is not WORKING yet (starting, or waiting for its QR code): it comes back, so wait.
      if (status === 429 || status >= 500 || status === 408 || status === 422) {
        throw new SendError(message, {
          retryable: true,
          status,
          retryAfterSeconds: readRetryAfterSeconds(response.headers.get("retry-after")),
        });
      }
      throw new SendError(message, {
        permanent: true,
        reauthenticate: status === 401 || status === 403,
        status,
      });
    },
  };
}
