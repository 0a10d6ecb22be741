import { normalizePhone } from "@arqan/shared";
import type { CallbackQuery, Message } from "grammy/types";
import type { InboundMessage } from "./inboundMessage.ts";

const startPattern = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?\s*$/;

/**
 * A lead's message to the bot in a private chat as an InboundMessage, or null for what the bot does not handle
 * (groups, channels, other bots). The idempotency key is "<bot id>:<chat id>:<message id>": Telegram numbers
 * messages per chat and bot.
 */
export function readTelegramMessage(botId: number, message: Message): InboundMessage | null {
  const from = message.from;
  if (message.chat.type !== "private" || !from || from.is_bot) return null;
  const sharedPhone =
    message.contact && message.contact.user_id === from.id
      ? normalizePhone(message.contact.phone_number)
      : null;
  const text = message.text ?? message.caption ?? message.contact?.phone_number ?? null;
  const start = message.text ? startPattern.exec(message.text.trim()) : null;
  return {
    platformMessageId: `${botId}:${message.chat.id}:${message.message_id}`,
    chatId: String(message.chat.id),
    identity: { kind: "telegram", value: String(from.id) },
    identities: sharedPhone ? [{ kind: "phone", value: sharedPhone }] : [],
    name: [from.first_name, from.last_name].filter(Boolean).join(" ") || null,
    phone: sharedPhone,
    text,
    choice: null,
    sentAt: new Date(message.date * 1000).toISOString(),
    startCode: start?.[1] ?? null,
  };
}

/** A pressed inline button: the button's label is what the lead "said", its data the choice. */
export function readTelegramCallback(botId: number, query: CallbackQuery): InboundMessage | null {
  if (query.from.is_bot || query.data === undefined) return null;
  const chat = query.message?.chat;
  if (chat && chat.type !== "private") return null;
  const keyboard =
    query.message && "reply_markup" in query.message
      ? query.message.reply_markup?.inline_keyboard
      : undefined;
  const label =
    keyboard?.flat().find((button) => "callback_data" in button && button.callback_data === query.data)
      ?.text ?? query.data;
  return {
    platformMessageId: `${botId}:cq:${query.id}`,
    chatId: String(chat?.id ?? query.from.id),
    identity: { kind: "telegram", value: String(query.from.id) },
    identities: [],
    name: [query.from.first_name, query.from.last_name].filter(Boolean).join(" ") || null,
    phone: null,
    text: label,
    choice: query.data,
    sentAt: new Date().toISOString(),
    startCode: null,
  };
}
