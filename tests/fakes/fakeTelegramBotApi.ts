import type { Chat, InlineKeyboardMarkup, Message, Update, UserFromGetMe } from "grammy/types";
import {
  CallLog,
  delay,
  type FakeRequest,
  type FakeResponse,
  headerValue,
  readJson,
  startFakeHttpServer,
} from "./fakeHttpServer.ts";

/** A bot the fake knows: its token and the identity `getMe` answers with. */
export interface FakeBot {
  token: string;
  id: number;
  username: string;
  first_name: string;
}

/** One Bot API request as received, whatever its outcome. */
export interface TelegramCall {
  token: string;
  /** As sent (Telegram matches method names case-insensitively). */
  method: string;
  params: Record<string, unknown>;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The HTTP status answered. */
  status: number;
}

/** An error the Bot API answers with: `{ ok: false, error_code, description, parameters? }`. */
export interface TelegramFailure {
  error_code: number;
  description: string;
  /** Only for 429: put into `parameters.retry_after`. */
  retry_after?: number;
}

/** What `setWebhook` stored for a bot. `getWebhookInfo` answers only the fields the real API returns. */
export interface StoredWebhook {
  url: string;
  secret_token: string | null;
  allowed_updates: string[] | null;
  max_connections: number;
}

export interface FakeTelegramBotApi {
  /** The `apiRoot` for grammY (`new Api(token, { apiRoot: fake.url })`); requests go to `{url}/bot<token>/<method>`. */
  url: string;
  close(): Promise<void>;
  registerBot(bot: FakeBot): void;
  /** The next call of `method` (any bot) answers this error instead of its result. Queued per method. */
  failNext(method: string, failure: TelegramFailure): void;
  /** On: a second sendMessage to one chat within 1 s, or a 31st sendMessage of one bot within 1 s, answers 429. */
  enforceRateLimits(on: boolean): void;
  /** Delays every answer by `ms`. */
  setLatency(ms: number): void;
  readonly calls: readonly TelegramCall[];
  /** Messages sent successfully (sendMessage), in order; only those to `chatId` when given. */
  sentMessages(chatId?: number | string): Message[];
  /** What `setWebhook` stored for the bot with this token (the real `getWebhookInfo` never reveals the secret). */
  webhook(token: string): StoredWebhook | null;
  /** Posts an update to the bot's webhook the way Telegram does (with `X-Telegram-Bot-Api-Secret-Token`). */
  deliverUpdate(token: string, update: Update): Promise<Response>;
  waitFor(predicate: (call: TelegramCall) => boolean, timeoutMs?: number): Promise<TelegramCall>;
  /** Forgets calls, sent messages, webhooks, queued failures, latency and rate-limit enforcement; bots stay. */
  reset(): void;
}

const methodNotFound: TelegramFailure = { error_code: 404, description: "Not Found: method not found" };
const unauthorized: TelegramFailure = { error_code: 401, description: "Unauthorized" };

/**
 * The Telegram Bot API as grammY calls it: `POST {apiRoot}/bot<token>/<method>` with JSON (or form-encoded or
 * multipart) parameters, answering `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`
 * with the HTTP status equal to `error_code`, like api.telegram.org.
 */
export async function startFakeTelegramBotApi(): Promise<FakeTelegramBotApi> {
  const bots = new Map<string, FakeBot>();
  const log = new CallLog<TelegramCall>(
    (call) => `${call.method} ${JSON.stringify(call.params)} → ${call.status}`,
  );
  const failures = new Map<string, TelegramFailure[]>();
  const webhooks = new Map<string, StoredWebhook>();
  const sent: { token: string; message: Message }[] = [];
  const lastMessageId = new Map<string, number>();
  const sendTimes = new Map<string, number[]>();
  const lastSendToChat = new Map<string, number>();
  let rateLimited = false;
  let latencyMs = 0;

  const server = await startFakeHttpServer(async (request) => {
    await delay(latencyMs);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
    if (!match) return answerError(methodNotFound);
    const [, token = "", method = ""] = match;
    const params = readParams(request);
    const answer = handle(token, method, params, request.at);
    log.record({ token, method, params, at: request.at, status: answer.status });
    return answer;
  });

  function handle(token: string, method: string, params: Record<string, unknown>, at: number): FakeResponse {
    const bot = bots.get(token);
    if (!bot) return answerError(unauthorized);
    const name = method.toLowerCase();
    if (!Object.hasOwn(handlers, name)) return answerError(methodNotFound);
    const queued = failures.get(name)?.shift();
    if (queued) return answerError(queued);
    return handlers[name as keyof typeof handlers](bot, params, at);
  }

  const handlers = {
    getme: (bot: FakeBot) => answerOk(botUser(bot)),
    setwebhook: (bot: FakeBot, params: Record<string, unknown>) => {
      const url = typeof params.url === "string" ? params.url : null;
      if (url === null)
        return answerError({ error_code: 400, description: "Bad Request: bad webhook: URL is required" });
      if (url === "") {
        webhooks.delete(bot.token);
        return answerOk(true, "Webhook was deleted");
      }
      if (!URL.canParse(url)) {
        return answerError({
          error_code: 400,
          description: "Bad Request: bad webhook: Failed to resolve host",
        });
      }
      const secret = params.secret_token;
      if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
        return answerError({
          error_code: 400,
          description: "Bad Request: secret token contains unallowed characters",
        });
      }
      const allowed = Array.isArray(params.allowed_updates)
        ? params.allowed_updates.filter((item): item is string => typeof item === "string")
        : null;
      webhooks.set(bot.token, {
        url,
        secret_token: typeof secret === "string" ? secret : null,
        allowed_updates: allowed,
        max_connections: typeof params.max_connections === "number" ? params.max_connections : 40,
      });
      return answerOk(true, "Webhook was set");
    },
    deletewebhook: (bot: FakeBot) => {
      const existed = webhooks.delete(bot.token);
      return answerOk(true, existed ? "Webhook was deleted" : "Webhook is already deleted");
    },
    getwebhookinfo: (bot: FakeBot) => {
      const stored = webhooks.get(bot.token);
      return answerOk({
        url: stored?.url ?? "",
        has_custom_certificate: false,
        pending_update_count: 0,
        ...(stored ? { max_connections: stored.max_connections } : {}),
        ...(stored?.allowed_updates ? { allowed_updates: stored.allowed_updates } : {}),
      });
    },
    sendmessage: (bot: FakeBot, params: Record<string, unknown>, at: number) => {
      const chat = chatOf(params.chat_id);
      if (!chat) return answerError({ error_code: 400, description: "Bad Request: chat not found" });
      const text = typeof params.text === "string" ? params.text : "";
      if (text.trim() === "") {
        return answerError({ error_code: 400, description: "Bad Request: message text is empty" });
      }
      if (text.length > 4096) {
        return answerError({ error_code: 400, description: "Bad Request: message is too long" });
      }
      if (rateLimited) {
        const limited = checkRateLimit(bot, chat.id, at);
        if (limited) return answerError(limited);
      }
      const chatKey = `${bot.token}:${chat.id}`;
      const messageId = (lastMessageId.get(chatKey) ?? 0) + 1;
      lastMessageId.set(chatKey, messageId);
      const markup = inlineKeyboardOf(params.reply_markup);
      const message: Message = {
        message_id: messageId,
        from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
        chat,
        date: Math.floor(Date.now() / 1000),
        text,
        ...(markup ? { reply_markup: markup } : {}),
      };
      sent.push({ token: bot.token, message });
      lastSendToChat.set(chatKey, at);
      sendTimes.set(bot.token, [...(sendTimes.get(bot.token) ?? []), at]);
      return answerOk(message);
    },
    answercallbackquery: (_bot: FakeBot, params: Record<string, unknown>) =>
      typeof params.callback_query_id === "string" && params.callback_query_id !== ""
        ? answerOk(true)
        : answerError({
            error_code: 400,
            description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
          }),
    editmessagereplymarkup: (bot: FakeBot, params: Record<string, unknown>) => {
      const chat = chatOf(params.chat_id);
      const entry = sent.find(
        (item) =>
          item.token === bot.token &&
          item.message.chat.id === chat?.id &&
          item.message.message_id === Number(params.message_id),
      );
      if (!entry)
        return answerError({ error_code: 400, description: "Bad Request: message to edit not found" });
      const markup = inlineKeyboardOf(params.reply_markup);
      if (JSON.stringify(markup ?? null) === JSON.stringify(entry.message.reply_markup ?? null)) {
        return answerError({
          error_code: 400,
          description:
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        });
      }
      const { reply_markup: _previous, ...rest } = entry.message;
      entry.message = {
        ...rest,
        ...(markup ? { reply_markup: markup } : {}),
        edit_date: Math.floor(Date.now() / 1000),
      };
      return answerOk(entry.message);
    },
    sendchataction: (_bot: FakeBot, params: Record<string, unknown>) =>
      chatOf(params.chat_id) && typeof params.action === "string"
        ? answerOk(true)
        : answerError({ error_code: 400, description: "Bad Request: chat not found" }),
  } satisfies Record<string, (bot: FakeBot, params: Record<string, unknown>, at: number) => FakeResponse>;

  function checkRateLimit(bot: FakeBot, chatId: number, at: number): TelegramFailure | null {
    const last = lastSendToChat.get(`${bot.token}:${chatId}`);
    const recent = (sendTimes.get(bot.token) ?? []).filter((time) => at - time < 1000);
    sendTimes.set(bot.token, recent);
    if ((last !== undefined && at - last < 1000) || recent.length >= 30) {
      return { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 };
    }
    return null;
  }

  return {
    url: server.url,
    close: () => server.close(),
    registerBot(bot) {
      bots.set(bot.token, bot);
    },
    failNext(method, failure) {
      const name = method.toLowerCase();
      failures.set(name, [...(failures.get(name) ?? []), failure]);
    },
    enforceRateLimits(on) {
      rateLimited = on;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    get calls() {
      return log.calls;
    },
    sentMessages(chatId) {
      return sent
        .map((item) => item.message)
        .filter((message) => chatId === undefined || String(message.chat.id) === String(chatId));
    },
    webhook(token) {
      return webhooks.get(token) ?? null;
    },
    async deliverUpdate(token, update) {
      const stored = webhooks.get(token);
      if (!stored) throw new Error("deliverUpdate: no webhook is set for this bot");
      return fetch(stored.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(stored.secret_token ? { "x-telegram-bot-api-secret-token": stored.secret_token } : {}),
        },
        body: JSON.stringify(update),
      });
    },
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    reset() {
      log.reset();
      failures.clear();
      webhooks.clear();
      sent.length = 0;
      lastMessageId.clear();
      sendTimes.clear();
      lastSendToChat.clear();
      rateLimited = false;
      latencyMs = 0;
    },
  };
}

function botUser(bot: FakeBot): UserFromGetMe {
  return {
    id: bot.id,
    is_bot: true,
    first_name: bot.first_name,
    username: bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** Numeric chat ids only (the fake knows no `@username` chats): positive → private, -100… → supergroup, else group. */
function chatOf(value: unknown): Chat | null {
  const id =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^-?\d+$/.test(value)
        ? Number(value)
        : null;
  if (id === null || !Number.isSafeInteger(id) || id === 0) return null;
  if (id > 0) return { id, type: "private", first_name: "Lead" };
  if (String(id).startsWith("-100")) return { id, type: "supergroup", title: "Group" };
  return { id, type: "group", title: "Group" };
}

/** Telegram echoes only inline keyboards in `Message.reply_markup`. */
function inlineKeyboardOf(value: unknown): InlineKeyboardMarkup | null {
  if (typeof value !== "object" || value === null || !("inline_keyboard" in value)) return null;
  const keyboard = (value as { inline_keyboard: unknown }).inline_keyboard;
  if (!Array.isArray(keyboard)) return null;
  return { inline_keyboard: keyboard as InlineKeyboardMarkup["inline_keyboard"] };
}

function answerOk(result: unknown, description?: string): FakeResponse {
  return { status: 200, json: { ok: true, result, ...(description ? { description } : {}) } };
}

function answerError(failure: TelegramFailure): FakeResponse {
  return {
    status: failure.error_code,
    json: {
      ok: false,
      error_code: failure.error_code,
      description: failure.description,
      ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
    },
  };
}

/** Parameters from the query string and a JSON, form-encoded or multipart body, as the Bot API accepts them. */
function readParams(request: FakeRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of request.query) params[key] = coerce(value);
  const type = headerValue(request.headers, "content-type") ?? "";
  if (type.startsWith("application/json")) {
    const body = readJson(request.rawBody);
    if (typeof body === "object" && body !== null && !Array.isArray(body)) Object.assign(params, body);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(request.rawBody.toString("utf8")))
      params[key] = coerce(value);
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) Object.assign(params, readMultipart(request.rawBody.toString("utf8"), boundary));
  }
  return params;
}

/** Form values are strings; the Bot API reads JSON-serialised objects (reply_markup, allowed_updates) out of them. */
function coerce(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Text fields of a multipart body; file parts are recorded as `{ filename }`. Enough for what bots send here. */
function readMultipart(body: string, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    fields[name] = filename === undefined ? coerce(value) : { filename };
  }
  return fields;
}
