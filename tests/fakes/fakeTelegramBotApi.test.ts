import { Api, GrammyError, InlineKeyboard } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegramBotApi, startFakeTelegramBotApi } from "./fakeTelegramBotApi.ts";
import { callbackUpdate, contactUpdate, startUpdate, textUpdate } from "./telegramUpdates.ts";

const bot = {
  token: "7000000001:AAHfakeTokenForTheFakeBotApi_0123456789",
  id: 7000000001,
  username: "arqan_test_bot",
  first_name: "Arqan",
};

async function grammyError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

/** grammY's own client against the fake: what a bot sees is what api.telegram.org would answer. */
describe("fake Telegram Bot API (grammY client)", () => {
  let telegram: FakeTelegramBotApi;
  let api: Api;

  beforeAll(async () => {
    telegram = await startFakeTelegramBotApi();
    api = new Api(bot.token, { apiRoot: telegram.url });
  });
  afterAll(async () => {
    await telegram?.close();
  });
  beforeEach(() => {
    telegram.reset();
    telegram.registerBot(bot);
  });

  it("answers getMe with the registered bot and refuses an unknown token with 401", async () => {
    expect(await api.getMe()).toMatchObject({
      id: bot.id,
      is_bot: true,
      username: bot.username,
      first_name: "Arqan",
    });
    const unknown = await grammyError(new Api("1:unknown", { apiRoot: telegram.url }).getMe());
    expect(unknown).toMatchObject({ error_code: 401, description: "Unauthorized" });
  });

  it("sends messages with ids increasing per chat and echoes an inline keyboard", async () => {
    const keyboard = new InlineKeyboard().text("Алматы", "city:almaty").text("Астана", "city:astana");
    const first = await api.sendMessage(501, "В каком вы городе?", { reply_markup: keyboard });
    const second = await api.sendMessage(501, "Какой бюджет?");
    const other = await api.sendMessage(502, "Сәлем!");
    expect([first.message_id, second.message_id, other.message_id]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({
      chat: { id: 501, type: "private" },
      from: { id: bot.id, is_bot: true },
      text: "В каком вы городе?",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Алматы", callback_data: "city:almaty" },
            { text: "Астана", callback_data: "city:astana" },
          ],
        ],
      },
    });
    expect(telegram.sentMessages(501).map((message) => message.text)).toEqual([
      "В каком вы городе?",
      "Какой бюджет?",
    ]);
    expect(telegram.calls.map((call) => call.method)).toEqual(["sendMessage", "sendMessage", "sendMessage"]);
  });

  it("surfaces a 429 with retry_after as a GrammyError with parameters.retry_after", async () => {
    telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 5",
      retry_after: 5,
    });
    const error = await grammyError(api.sendMessage(501, "Привет"));
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 5 }, method: "sendMessage" });
    expect((await api.sendMessage(501, "Привет")).message_id).toBe(1);
  });

  it("enforces one message per chat per second and 30 per second per bot when asked", async () => {
    telegram.enforceRateLimits(true);
    await api.sendMessage(501, "Первое");
    const tooSoon = await grammyError(api.sendMessage(501, "Второе"));
    expect(tooSoon).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    await Promise.all(Array.from({ length: 29 }, (_, index) => api.sendMessage(1000 + index, "Рассылка")));
    const overBotLimit = await grammyError(api.sendMessage(2000, "31-е"));
    expect(overBotLimit).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
  });

  it("stores the webhook; getWebhookInfo answers what the real one does (no secret)", async () => {
    await api.setWebhook("https://example.supabase.co/functions/v1/telegram-webhook/abc", {
      secret_token: "s3cret-Token_1",
      allowed_updates: ["message", "callback_query"],
    });
    expect(telegram.webhook(bot.token)).toMatchObject({
      secret_token: "s3cret-Token_1",
      allowed_updates: ["message", "callback_query"],
    });
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({
      url: "https://example.supabase.co/functions/v1/telegram-webhook/abc",
      allowed_updates: ["message", "callback_query"],
    });
    expect(info).not.toHaveProperty("secret_token");
    const badSecret = await grammyError(
      api.setWebhook("https://example.com/hook", { secret_token: "has space" }),
    );
    expect(badSecret.error_code).toBe(400);
    expect(await api.deleteWebhook()).toBe(true);
    expect((await api.getWebhookInfo()).url).toBe("");
  });

  it("answers callback queries, chat actions and reply-markup edits; unknown methods 404", async () => {
    const sent = await api.sendMessage(501, "Выберите", {
      reply_markup: new InlineKeyboard().text("Да", "yes"),
    });
    expect(await api.answerCallbackQuery("42")).toBe(true);
    expect(await api.sendChatAction(501, "typing")).toBe(true);
    const edited = await api.editMessageReplyMarkup(501, sent.message_id);
    expect(edited).not.toHaveProperty("reply_markup");
    const again = await grammyError(api.editMessageReplyMarkup(501, sent.message_id));
    expect(again.description).toContain("message is not modified");
    const missing = await grammyError(api.editMessageReplyMarkup(501, 999));
    expect(missing.description).toBe("Bad Request: message to edit not found");
    const unknown = await grammyError(api.sendDice(501, "🎲"));
    expect(unknown).toMatchObject({ error_code: 404, description: "Not Found: method not found" });
  });

  it("accepts form-encoded parameters and delays answers on request", async () => {
    telegram.setLatency(150);
    const started = performance.now();
    const response = await fetch(`${telegram.url}/bot${bot.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({
        chat_id: "501",
        text: "Форма",
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Ок", callback_data: "ok" }]] }),
      }),
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(await response.json()).toMatchObject({
      ok: true,
      result: { chat: { id: 501 }, text: "Форма", reply_markup: { inline_keyboard: [[{ text: "Ок" }]] } },
    });
  });

  it("waits for a call, and says what it saw when none matches", async () => {
    const waiting = telegram.waitFor(
      (call) => call.method === "sendMessage" && call.params.chat_id === 777,
      2_000,
    );
    await api.sendMessage(776, "не тот чат");
    await api.sendMessage(777, "тот");
    expect((await waiting).params.text).toBe("тот");
    await expect(telegram.waitFor((call) => call.method === "sendPhoto", 50)).rejects.toThrow(
      /no matching call within 50 ms; 2 call\(s\) recorded:\n {2}sendMessage/,
    );
  });

  it("delivers an update to the webhook with Telegram's secret header", async () => {
    const received: { secret: string | null; body: unknown }[] = [];
    const { startFakeHttpServer } = await import("./fakeHttpServer.ts");
    const receiver = await startFakeHttpServer((request) => {
      received.push({
        secret: request.headers["x-telegram-bot-api-secret-token"] as string,
        body: JSON.parse(request.rawBody.toString()),
      });
      return { status: 200, json: {} };
    });
    try {
      await api.setWebhook(`${receiver.url}/hook`, { secret_token: "hook-secret" });
      const update = textUpdate({
        updateId: 1,
        chatId: 501,
        userId: 501,
        firstName: "Айгерім",
        text: "Сәлем",
        messageId: 10,
      });
      expect((await telegram.deliverUpdate(bot.token, update)).status).toBe(200);
      expect(received).toEqual([{ secret: "hook-secret", body: update }]);
    } finally {
      await receiver.close();
    }
  });
});

describe("Telegram update builders", () => {
  it("build the Bot API's Update shapes", () => {
    const start = startUpdate({
      updateId: 5,
      chatId: 501,
      userId: 501,
      firstName: "Ерлан",
      messageId: 3,
      code: "olx-ac-1",
      date: 1767225600,
    });
    expect(start).toEqual({
      update_id: 5,
      message: {
        message_id: 3,
        from: { id: 501, is_bot: false, first_name: "Ерлан" },
        chat: { id: 501, type: "private", first_name: "Ерлан" },
        date: 1767225600,
        text: "/start olx-ac-1",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    const callback = callbackUpdate({
      updateId: 6,
      chatId: 501,
      userId: 501,
      data: "city:almaty",
      messageId: 4,
    });
    expect(callback.callback_query).toMatchObject({
      from: { id: 501, is_bot: false },
      message: { message_id: 4, chat: { id: 501, type: "private" }, from: { is_bot: true } },
      data: "city:almaty",
    });
    expect(typeof callback.callback_query?.id).toBe("string");
    expect(typeof callback.callback_query?.chat_instance).toBe("string");
    expect(
      contactUpdate({ updateId: 7, chatId: 501, userId: 501, messageId: 5, phone: "+77011234567" }).message,
    ).toMatchObject({
      contact: { phone_number: "+77011234567", user_id: 501, first_name: "Lead" },
    });
  });
});
