import type { Chat, Message, Update, User } from "grammy/types";

/** Who writes to the bot in an update: a private chat whose id is the user's id unless told otherwise. */
export interface UpdateSender {
  updateId: number;
  chatId: number;
  userId: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** IETF tag of the user's app language, e.g. "ru", "kk", "en". */
  languageCode?: string;
  /** Unix seconds; now by default. */
  date?: number;
}

export interface TextUpdateInput extends UpdateSender {
  text: string;
  messageId: number;
}

/** A private text message from a user: `Update.message` with `from`, `chat`, `date`, `text`. */
export function textUpdate(input: TextUpdateInput): Update {
  return { update_id: input.updateId, message: { ...messageBase(input, input.messageId), text: input.text } };
}

/**
 * `/start <code>` as Telegram delivers a deep link (`t.me/<bot>?start=<code>`): the text with a `bot_command`
 * entity over "/start". Without a code, just "/start".
 */
export function startUpdate(input: UpdateSender & { messageId: number; code?: string | null }): Update {
  const text = input.code ? `/start ${input.code}` : "/start";
  return {
    update_id: input.updateId,
    message: {
      ...messageBase(input, input.messageId),
      text,
      entities: [{ type: "bot_command", offset: 0, length: "/start".length }],
    },
  };
}

export interface CallbackUpdateInput extends UpdateSender {
  /** The button's `callback_data`. */
  data: string;
  /** The bot's message that carried the button. */
  messageId: number;
  /** The unique query id; derived from the update id by default. */
  callbackQueryId?: string;
  /** The bot that sent the message with the button. */
  bot?: { id: number; first_name: string; username: string };
  /** The text of the bot's message with the button. */
  messageText?: string;
}

/** A press of an inline button: `Update.callback_query` with the bot's message it was attached to. */
export function callbackUpdate(input: CallbackUpdateInput): Update {
  const bot = input.bot ?? { id: 7000000001, first_name: "Arqan", username: "arqan_test_bot" };
  const botMessage: Message = {
    message_id: input.messageId,
    from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
    chat: privateChat(input),
    date: (input.date ?? nowSeconds()) - 1,
    text: input.messageText ?? "…",
  };
  return {
    update_id: input.updateId,
    callback_query: {
      id: input.callbackQueryId ?? `${input.userId}${input.updateId}`,
      from: user(input),
      message: botMessage,
      chat_instance: `${input.chatId}${input.userId}`,
      data: input.data,
    },
  };
}

/** A user sharing their own phone number (the "share contact" keyboard button): `Message.contact`. */
export function contactUpdate(input: UpdateSender & { messageId: number; phone: string }): Update {
  return {
    update_id: input.updateId,
    message: {
      ...messageBase(input, input.messageId),
      contact: {
        phone_number: input.phone,
        first_name: input.firstName ?? "Lead",
        ...(input.lastName ? { last_name: input.lastName } : {}),
        user_id: input.userId,
      },
    },
  };
}

function messageBase(input: UpdateSender, messageId: number) {
  return {
    message_id: messageId,
    from: user(input),
    chat: privateChat(input),
    date: input.date ?? nowSeconds(),
  };
}

function user(input: UpdateSender): User {
  return {
    id: input.userId,
    is_bot: false,
    first_name: input.firstName ?? "Lead",
    ...(input.lastName ? { last_name: input.lastName } : {}),
    ...(input.username ? { username: input.username } : {}),
    ...(input.languageCode ? { language_code: input.languageCode } : {}),
  };
}

function privateChat(input: UpdateSender): Chat.PrivateChat {
  return {
    id: input.chatId,
    type: "private",
    first_name: input.firstName ?? "Lead",
    ...(input.lastName ? { last_name: input.lastName } : {}),
    ...(input.username ? { username: input.username } : {}),
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
