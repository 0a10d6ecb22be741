import { createHmac } from "node:crypto";

export interface WahaMessageEventInput {
  /** The message id; `false_<from>_<hex>` (an incoming message) by default. */
  id?: string;
  /** The sender's chat id, e.g. "77011234567@c.us" (or "…@lid", "…@g.us"). */
  from: string;
  body: string;
  /** Unix seconds. */
  timestamp: number;
  fromMe?: boolean;
  /** The sender's WhatsApp display name (`_data.notifyName`). */
  notifyName?: string;
  session?: string;
  /** The connected account (`me.id` and `payload.to`). */
  to?: string;
  hasMedia?: boolean;
  /** In groups: the member who wrote. */
  participant?: string;
  event?: string;
}

/**
 * A WAHA webhook event in the documented shape (devlikeapro/waha docs "Webhooks": `id`, `timestamp`, `event`,
 * `session`, `engine`, `me`, `environment`, `payload` with the message and the engine's raw `_data`).
 */
export function wahaMessageEvent(input: WahaMessageEventInput) {
  const to = input.to ?? "77000000000@c.us";
  const fromMe = input.fromMe ?? false;
  const shortId = input.id
    ? null
    : `3EB0${Math.random().toString(16).slice(2, 18).toUpperCase().padEnd(16, "0")}`;
  const id = input.id ?? `${fromMe}_${input.from}_${shortId}`;
  return {
    id: `evt_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
    timestamp: input.timestamp * 1000,
    event: input.event ?? "message",
    session: input.session ?? "default",
    metadata: {},
    engine: "WEBJS",
    me: { id: to, pushName: "Arqan" },
    environment: {
      version: "2025.5.1",
      engine: "WEBJS",
      tier: "CORE",
      browser: "/usr/bin/google-chrome-stable",
    },
    payload: {
      id,
      timestamp: input.timestamp,
      from: input.from,
      fromMe,
      source: fromMe ? "api" : "app",
      to,
      participant: input.participant ?? null,
      body: input.body,
      hasMedia: input.hasMedia ?? false,
      media: null,
      ack: 1,
      ackName: "SERVER",
      vCards: [],
      replyTo: null,
      _data: {
        id: { fromMe, remote: input.from, id: id.split("_").at(-1), _serialized: id },
        body: input.body,
        type: input.hasMedia ? "image" : "chat",
        t: input.timestamp,
        ...(input.notifyName !== undefined ? { notifyName: input.notifyName } : {}),
        from: input.from,
        to,
        self: fromMe ? "out" : "in",
        isNewMsg: true,
      },
    },
  };
}

/** The `X-Webhook-Hmac` value WAHA sends: hex HMAC-SHA512 of the raw body with the webhook's `hmac.key`. */
export function signWahaBody(body: string, key: string): string {
  return createHmac("sha512", key).update(body, "utf8").digest("hex");
}
