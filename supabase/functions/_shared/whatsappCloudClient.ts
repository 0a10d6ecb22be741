import { z } from "zod";
import { readJsonOrNull } from "./readJsonBody.ts";
import { readRetryAfterSeconds, redactSecrets, SendError, sendErrorFromFetchFailure } from "./sendErrors.ts";

export interface WhatsappCloudClientOptions {
  /** The Graph API root with its version, e.g. "https://graph.facebook.com/v21.0". */
  apiRoot: string;
  /** The business phone number id messages are sent from. */
  phoneNumberId: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per request; 10 s by default. */
  timeoutMs?: number;
}

/** One choice the lead can pick: `value` comes back as the reply's id, `label` is what the lead sees. */
export interface ReplyOption {
  value: string;
  label: string;
}

export interface SendTextSettings {
  /** The label of the button that opens a list (4–10 options), ≤ 20 characters; "Выбрать" by default. */
  listButtonLabel?: string;
}

export interface WhatsappCloudClient {
  /**
   * Sends `text` to `to` (a wa_id / phone, or a business-scoped user id): 1–3 options as reply buttons, 4–10 as a
   * list, more (or a text too long for an interactive body) as plain text with numbered options.
   * Resolves with the wamid. Throws {@link SendError}.
   */
  sendText(
    to: string,
    text: string,
    options?: ReplyOption[],
    settings?: SendTextSettings,
  ): Promise<{ id: string }>;
}

/** Graph error codes that mean "too many messages, later": throughput, spam, pair rate, WABA and app limits. */
const rateLimitCodes = new Set([4, 613, 80007, 130429, 131048, 131056]);
/** Graph error codes that mean a passing fault on Meta's side. */
const transientCodes = new Set([1, 2, 131000]);
/** Outside the 24-hour customer service window: only a template message can reach the lead. */
const reEngagementCode = 131047;

const sendAnswerSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});

const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** Interactive message limits (Cloud API "Interactive reply buttons" / "list messages"). */
const limits = {
  bodyText: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  replyId: 256,
};

/** Sends WhatsApp messages through Meta's Cloud API (`POST {apiRoot}/{phone number id}/messages`). */
export function createWhatsappCloudClient(options: WhatsappCloudClientOptions): WhatsappCloudClient {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoint = `${options.apiRoot.replace(/\/+$/, "")}/${encodeURIComponent(options.phoneNumberId)}/messages`;

  return {
    async sendText(to, text, replyOptions = [], settings = {}) {
      const body = {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        // A wa_id / phone goes in `to`; a business-scoped user id ("KZ.…") in `recipient`.
        ...(/^\+?\d+$/.test(to) ? { to: to.replace(/^\+/, "") } : { recipient: to }),
        ...messageContent(text, replyOptions, settings.listButtonLabel ?? "Выбрать"),
      };
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.accessToken}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw sendErrorFromFetchFailure("The WhatsApp Cloud API", error);
      }
      const answer = await readJsonOrNull(response);
      if (response.ok) {
        const sent = sendAnswerSchema.safeParse(answer);
        if (sent.success && sent.data.messages[0]) return { id: sent.data.messages[0].id };
        throw new SendError(
          `The WhatsApp Cloud API answered ${response.status} without a message id; the message may have been sent`,
          { uncertain: true, status: response.status },
        );
      }
      throw toSendError(response, answer, options.accessToken);
    },
  };
}

/** The `type` and content of the message: text, reply buttons or a list, per the number of options. */
function messageContent(text: string, replyOptions: ReplyOption[], listButtonLabel: string) {
  const fitsInteractive = text.length <= limits.bodyText && replyOptions.length <= limits.listRows;
  if (replyOptions.length === 0 || !fitsInteractive) {
    const numbered = replyOptions.map((option, index) => `${index + 1}. ${option.label}`).join("\n");
    return { type: "text", text: { body: numbered ? `${text}\n\n${numbered}` : text, preview_url: false } };
  }
  if (replyOptions.length <= limits.buttons) {
    return {
      type: "interactive",
      interactive: {
        type: "button",
        body: { text },
        action: {
          buttons: replyOptions.map((option) => ({
            type: "reply",
            reply: {
              id: option.value.slice(0, limits.replyId),
              title: shorten(option.label, limits.buttonTitle),
            },
          })),
        },
      },
    };
  }
  return {
    type: "interactive",
    interactive: {
      type: "list",
      body: { text },
      action: {
        button: shorten(listButtonLabel, limits.buttonTitle),
        sections: [
          {
            rows: replyOptions.map((option) => ({
              id: option.value.slice(0, limits.rowId),
              title: shorten(option.label, limits.rowTitle),
            })),
          },
        ],
      },
    },
  };
}

/** Cuts a label to `max` characters (code points), ending with "…" when cut. */
function shorten(label: string, max: number): string {
  const characters = Array.from(label.trim());
  return characters.length <= max ? characters.join("") : `${characters.slice(0, max - 1).join("")}…`;
}

function toSendError(response: Response, answer: unknown, accessToken: string): SendError {
  const status = response.status;
  const parsed = graphErrorSchema.safeParse(answer);
  const graph = parsed.success ? parsed.data.error : null;
  const code = graph?.code ?? null;
  const described = [
    `The WhatsApp Cloud API refused the message (HTTP ${status}${code !== null ? `, code ${code}` : ""})`,
    graph?.message ? `: ${graph.message.slice(0, 300)}` : "",
    graph?.fbtrace_id ? ` [fbtrace_id ${graph.fbtrace_id}]` : "",
  ].join("");
  const message = redactSecrets(described, [accessToken]);
  const common = { status, providerCode: code };
  if (code === reEngagementCode)
    return new SendError(message, { ...common, outsideWindow: true, permanent: true });
  if (code === 190 || status === 401)
    return new SendError(message, { ...common, reauthenticate: true, permanent: true });
  if (
    (code !== null && (rateLimitCodes.has(code) || transientCodes.has(code))) ||
    status === 429 ||
    status >= 500
  ) {
    return new SendError(message, {
      ...common,
      retryable: true,
      retryAfterSeconds: readRetryAfterSeconds(response.headers.get("retry-after")),
    });
  }
  return new SendError(message, { ...common, permanent: true });
}
