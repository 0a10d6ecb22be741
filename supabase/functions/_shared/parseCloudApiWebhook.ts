import { z } from "zod";
import type { InboundMessage, LeadIdentity } from "./inboundMessage.ts";

/** A lead's message with the business number it was sent to, so the caller can check it is this channel's. */
export type CloudApiInboundMessage = InboundMessage & { phoneNumberId: string };

/**
 * A message of ours that Meta reports failed after accepting it (statuses[] with status "failed"): the wamid and
 * the error codes, e.g. 131047 when more than 24 hours passed since the lead last wrote.
 */
export interface CloudApiSendFailure {
  wamid: string;
  codes: number[];
}

export type CloudApiWebhookResult =
  | { messages: CloudApiInboundMessage[]; ignored: number; failures: CloudApiSendFailure[] }
  | { invalid: string };

const failedStatusSchema = z.object({
  id: z.string().min(1),
  status: z.literal("failed"),
  errors: z.array(z.object({ code: z.number().int() }).passthrough()).optional(),
});

/** Unix seconds as Meta sends them (a string), up to the year 9999. */
const unixSecondsSchema = z
  .union([
    z
      .string()
      .regex(/^\d{1,12}$/)
      .transform(Number),
    z.number(),
  ])
  .pipe(z.number().int().nonnegative().max(253_402_300_799));

/** `contacts[]`: the profile name, the wa_id (absent for username-only users) and the business-scoped user id. */
const contactSchema = z.looseObject({
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
  wa_id: z.string().min(1).optional(),
  user_id: z.string().min(1).optional(),
});

const replySchema = z.looseObject({ id: z.string(), title: z.string() });
const captionedMediaSchema = z.looseObject({ caption: z.string().optional() }).optional();

/** `messages[]`: only what a lead's message needs; every type's own fields pass through. */
const messageSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  timestamp: unixSecondsSchema,
  type: z.string().min(1),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: replySchema.optional(),
      list_reply: replySchema.optional(),
    })
    .optional(),
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }).optional(),
  image: captionedMediaSchema,
  video: captionedMediaSchema,
  document: captionedMediaSchema,
});

/** The `value` of a `messages` change: the business number, and messages and/or delivery statuses. */
const messagesValueSchema = z.looseObject({
  metadata: z.looseObject({
    phone_number_id: z.string().min(1),
    display_phone_number: z.string().optional(),
  }),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(messageSchema).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const webhookSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

/** Message types that are not something the lead said: a reaction, or Meta's notice that a number/id changed. */
const notLeadMessageTypes = new Set(["reaction", "system"]);

/** A BSUID starts with the user's ISO country code and a dot ("KZ.1502576394655843"); a wa_id is digits. */
const bsuidPattern = /^[A-Z]{2}\./;

/**
 * Reads a WhatsApp Cloud API webhook (`object: "whatsapp_business_account"`): every `messages` change's
 * `value.messages[]` becomes an {@link InboundMessage} with the `phone_number_id` it came to. Delivery statuses,
 * other fields, reactions, system notices and messages without a sender are counted in `ignored`.
 *
 * The lead is found by the wa_id (phone digits) and gets the business-scoped user id (BSUID, `from_user_id` /
 * `contacts[].user_id`) attached; a username-only user has no wa_id, so the BSUID is the identity and the chat.
 */
export function parseCloudApiWebhook(body: unknown): CloudApiWebhookResult {
  const webhook = webhookSchema.safeParse(body);
  if (!webhook.success) return { invalid: describeIssues(webhook.error, []) };
  const messages: CloudApiInboundMessage[] = [];
  const failures: CloudApiSendFailure[] = [];
  let ignored = 0;
  for (const [entryIndex, entry] of webhook.data.entry.entries()) {
    for (const [changeIndex, change] of entry.changes.entries()) {
      if (change.field !== "messages") {
        ignored++;
        continue;
      }
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        return {
          invalid: describeIssues(value.error, ["entry", entryIndex, "changes", changeIndex, "value"]),
        };
      }
      const contacts = value.data.contacts ?? [];
      for (const status of value.data.statuses ?? []) {
        const failed = failedStatusSchema.safeParse(status);
        if (failed.success)
          failures.push({ wamid: failed.data.id, codes: (failed.data.errors ?? []).map((e) => e.code) });
        else ignored++;
      }
      for (const message of value.data.messages ?? []) {
        const inbound = notLeadMessageTypes.has(message.type) ? null : toInboundMessage(message, contacts);
        if (inbound) messages.push({ ...inbound, phoneNumberId: value.data.metadata.phone_number_id });
        else ignored++;
      }
    }
  }
  return { messages, ignored, failures };
}

type CloudMessage = z.infer<typeof messageSchema>;
type CloudContact = z.infer<typeof contactSchema>;

function toInboundMessage(message: CloudMessage, contacts: CloudContact[]): InboundMessage | null {
  const fromIsBsuid = message.from !== undefined && bsuidPattern.test(message.from);
  const contact =
    contacts.find(
      (candidate) =>
        (candidate.wa_id !== undefined && candidate.wa_id === message.from) ||
        (candidate.user_id !== undefined &&
          (candidate.user_id === message.from_user_id || candidate.user_id === message.from)),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const waId = (fromIsBsuid ? undefined : message.from) ?? contact?.wa_id ?? null;
  const bsuid = message.from_user_id ?? (fromIsBsuid ? message.from : undefined) ?? contact?.user_id ?? null;

  let identity: LeadIdentity;
  const identities: LeadIdentity[] = [];
  if (waId !== null) {
    identity = { kind: "whatsapp", value: waId };
    if (bsuid !== null) identities.push({ kind: "whatsapp_bsuid", value: bsuid });
  } else if (bsuid !== null) {
    identity = { kind: "whatsapp_bsuid", value: bsuid };
  } else {
    return null;
  }

  const { text, choice } = readContent(message);
  return {
    platformMessageId: message.id,
    chatId: identity.value,
    identity,
    identities,
    name: contact?.profile?.name?.trim() || null,
    phone: waId !== null && /^\d{6,15}$/.test(waId) ? `+${waId}` : null,
    text,
    choice,
    sentAt: new Date(message.timestamp * 1000).toISOString(),
    startCode: null,
  };
}

/** What the lead said: the text, a caption, or the label of the button/row pressed (its id as the choice). */
function readContent(message: CloudMessage): { text: string | null; choice: string | null } {
  const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
  if (message.type === "interactive" && reply) return { text: reply.title, choice: reply.id };
  if (message.type === "button" && message.button) {
    return { text: message.button.text, choice: message.button.payload ?? null };
  }
  const text =
    message.type === "text"
      ? message.text?.body
      : message.type === "image" || message.type === "video" || message.type === "document"
        ? message[message.type]?.caption
        : undefined;
  return { text: text?.trim() ? text : null, choice: null };
}

function describeIssues(error: z.ZodError, prefix: (string | number)[]): string {
  return error.issues
    .map((issue) => `${[...prefix, ...issue.path].map(String).join(".") || "body"}: ${issue.message}`)
    .join("; ");
}
