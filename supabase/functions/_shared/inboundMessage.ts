/**
 * One message a lead sent, as every channel's parser hands it to `private.ingest_inbound_message()`: the
 * platform's own ids, who it is from and what it says. Built only from payloads that passed their zod schema.
 */
export interface LeadIdentity {
  kind: "telegram" | "whatsapp" | "whatsapp_bsuid" | "phone";
  value: string;
}

export interface InboundMessage {
  /** The idempotency key: Telegram "<bot id>:<chat id>:<message id>" (callback queries "<bot id>:cq:<id>"), WAHA's message id, the Cloud API's wamid. */
  platformMessageId: string;
  /** Where replies go: Telegram chat id, WhatsApp chat id (WAHA "7701…@c.us") or the Cloud API's wa_id / business-scoped id. */
  chatId: string;
  /** The identity the lead is found by first. */
  identity: LeadIdentity;
  /** Further identities to attach (the business-scoped id beside the wa_id, a shared phone). */
  identities: LeadIdentity[];
  name: string | null;
  /** E.164, when the platform tells it (WhatsApp's wa_id, a shared Telegram contact). */
  phone: string | null;
  /** What the lead wrote, or the label of the button pressed; null for media without caption. */
  text: string | null;
  /** A button's value when the lead pressed one of the bot's choices. */
  choice: string | null;
  /** ISO 8601. */
  sentAt: string;
  /** `/start <code>` deep-link payload, when present. */
  startCode: string | null;
}
