import { createHmac } from "node:crypto";

/** A webhook body as Meta posts it: one entry with one change; tests may edit `value` before sending. */
export interface CloudWebhookPayload {
  object: "whatsapp_business_account";
  entry: { id: string; changes: { value: CloudWebhookValue; field: string }[] }[];
}

export interface CloudWebhookValue {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: Record<string, unknown>[];
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
}

/** Who writes: a wa_id (phone digits), a business-scoped user id, or both. At least one is needed. */
export interface CloudSender {
  phoneNumberId: string;
  /** The user's phone digits; omit for a username-only user whose number Meta withholds. */
  waId?: string;
  /** The business-scoped user id (`contacts[].user_id`, `messages[].from_user_id`), e.g. "KZ.1502576394655843". */
  bsuid?: string;
  name?: string;
  /** The wamid. */
  id: string;
  /** Unix seconds (sent as a string, as Meta does). */
  timestamp: number;
  displayPhoneNumber?: string;
  wabaId?: string;
}

/** A text message webhook (`field: "messages"`) as Meta sends it. */
export function cloudTextWebhook(input: CloudSender & { text: string }): CloudWebhookPayload {
  return messagesWebhook(input, { type: "text", text: { body: input.text } });
}

/** A press of a reply button (`interactive.button_reply`) or a list row (`interactive.list_reply`). */
export function cloudButtonReplyWebhook(
  input: CloudSender & {
    buttonId: string;
    title: string;
    kind?: "button_reply" | "list_reply";
    contextId?: string;
  },
): CloudWebhookPayload {
  const kind = input.kind ?? "button_reply";
  return messagesWebhook(input, {
    ...(input.contextId
      ? { context: { from: input.displayPhoneNumber ?? "77000000000", id: input.contextId } }
      : {}),
    type: "interactive",
    interactive: { type: kind, [kind]: { id: input.buttonId, title: input.title } },
  });
}

/** A delivery status (`statuses[]`): sent, delivered, read or failed (with `errors`). */
export function cloudStatusWebhook(input: {
  phoneNumberId: string;
  /** The wamid of the business's message. */
  id: string;
  recipientId: string;
  status: "sent" | "delivered" | "read" | "failed";
  timestamp: number;
  errors?: { code: number; title: string; message?: string }[];
  displayPhoneNumber?: string;
  wabaId?: string;
}): CloudWebhookPayload {
  return envelope(input, {
    statuses: [
      {
        id: input.id,
        status: input.status,
        timestamp: String(input.timestamp),
        recipient_id: input.recipientId,
        ...(input.status === "failed" && input.errors
          ? {
              errors: input.errors.map((error) => ({
                ...error,
                error_data: { details: error.message ?? error.title },
              })),
            }
          : {}),
      },
    ],
  });
}

/** The `X-Hub-Signature-256` value Meta sends: "sha256=" + hex HMAC-SHA256 of the raw body with the app secret. */
export function signCloudBody(body: string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body, "utf8").digest("hex")}`;
}

function messagesWebhook(input: CloudSender, content: Record<string, unknown>): CloudWebhookPayload {
  if (input.waId === undefined && input.bsuid === undefined)
    throw new Error("a sender needs a waId or a bsuid");
  return envelope(input, {
    contacts: [
      {
        profile: { name: input.name ?? "Lead" },
        ...(input.waId !== undefined ? { wa_id: input.waId } : {}),
        ...(input.bsuid !== undefined ? { user_id: input.bsuid } : {}),
      },
    ],
    messages: [
      {
        ...(input.waId !== undefined ? { from: input.waId } : {}),
        ...(input.bsuid !== undefined ? { from_user_id: input.bsuid } : {}),
        id: input.id,
        timestamp: String(input.timestamp),
        ...content,
      },
    ],
  });
}

function envelope(
  input: { phoneNumberId: string; displayPhoneNumber?: string; wabaId?: string },
  value: Pick<CloudWebhookValue, "contacts" | "messages" | "statuses">,
): CloudWebhookPayload {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: input.wabaId ?? "102290129340398",
        changes: [
          {
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: input.displayPhoneNumber ?? "77000000000",
                phone_number_id: input.phoneNumberId,
              },
              ...value,
            },
            field: "messages",
          },
        ],
      },
    ],
  };
}
