import { z } from "zod";
import type { InboundMessage } from "./inboundMessage.ts";

export type WahaEventResult =
  | { kind: "message"; message: InboundMessage }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; issues: string };

/** The envelope every WAHA webhook shares (`event`, `session`, `payload`); other fields pass through. */
const wahaEventSchema = z.looseObject({
  event: z.string().min(1),
  session: z.string().optional(),
  payload: z.unknown(),
});

/** Unix seconds (up to the year 9999); some engines send them as a numeric string. */
const unixSecondsSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,12}$/)
      .transform(Number),
  ])
  .pipe(z.number().int().nonnegative().max(253_402_300_799));

/** The `message` event's payload: the fields a lead's message needs, the engine's raw `_data` passing through. */
const wahaMessagePayloadSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSecondsSchema,
  from: z.string().min(1),
  fromMe: z.boolean().optional(),
  body: z.string().nullish(),
  hasMedia: z.boolean().nullish(),
  participant: z.string().nullish(),
  notifyName: z.string().nullish(),
  _data: z
    .looseObject({
      notifyName: z.string().nullish(),
      pushName: z.string().nullish(),
    })
    .nullish(),
});

/** A phone-number account: "77011234567@c.us" (the public id) or "…@s.whatsapp.net" (NOWEB/GOWS internals). */
const phoneChatIdPattern = /^(\d{6,15})@(?:c\.us|s\.whatsapp\.net)$/;

/**
 * Reads a WAHA webhook: only `message` events from a person in a direct chat become an {@link InboundMessage}.
 * The account's own messages (`fromMe`), groups, status broadcasts, channels and every other event are ignored;
 * a `message` event whose payload does not fit is invalid.
 */
export function parseWahaEvent(body: unknown): WahaEventResult {
  const envelope = wahaEventSchema.safeParse(body);
  if (!envelope.success) return { kind: "invalid", issues: describeIssues(envelope.error) };
  if (envelope.data.event !== "message") {
    return { kind: "ignored", reason: `event "${envelope.data.event}" is not a lead's message` };
  }
  const parsed = wahaMessagePayloadSchema.safeParse(envelope.data.payload);
  if (!parsed.success) return { kind: "invalid", issues: describeIssues(parsed.error, "payload") };
  const payload = parsed.data;
  if (payload.fromMe === true)
    return { kind: "ignored", reason: "sent by the connected account itself (fromMe)" };
  if (/@(?:g\.us|broadcast|newsletter)$/.test(payload.from) || payload.participant) {
    return { kind: "ignored", reason: `not a direct chat (${payload.from})` };
  }

  const phoneDigits = phoneChatIdPattern.exec(payload.from)?.[1] ?? null;
  const text = payload.body ?? "";
  const name = [payload._data?.notifyName, payload.notifyName, payload._data?.pushName]
    .map((candidate) => candidate?.trim())
    .find((candidate) => candidate);
  return {
    kind: "message",
    message: {
      platformMessageId: payload.id,
      chatId: payload.from,
      identity: { kind: "whatsapp", value: phoneDigits ?? payload.from },
      identities: [],
      name: name ?? null,
      phone: phoneDigits === null ? null : `+${phoneDigits}`,
      text: text.trim() === "" ? null : text,
      choice: null,
      sentAt: new Date(payload.timestamp * 1000).toISOString(),
      startCode: null,
    },
  };
}

function describeIssues(error: z.ZodError, prefix?: string): string {
  return error.issues
    .map(
      (issue) =>
        `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"}: ${issue.message}`,
    )
    .join("; ");
}
