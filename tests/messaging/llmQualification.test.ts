import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/fakeOpenAi.ts";
import { type FakeTelegramBotApi, startFakeTelegramBotApi } from "../fakes/fakeTelegramBotApi.ts";
import { textUpdate } from "../fakes/telegramUpdates.ts";
import { eventually, type MessagingStack, startMessagingStack } from "../support/startMessagingStack.ts";

const bot = {
  token: "7000000002:AAHllmTestTokenForArqanBotsOnly_012345",
  id: 7000000002,
  username: "arqan_llm_bot",
  first_name: "Arqan",
};

/**
 * With an OpenAI-compatible endpoint configured, its structured output fills what rules cannot read, within a
 * 2 s budget; slow, failing or invalid answers leave the rules result standing and never delay the webhook's 200.
 */
describe("qualification with an LLM", () => {
  let telegram: FakeTelegramBotApi;
  let openai: FakeOpenAi;
  let stack: MessagingStack;
  let updateId = 1;
  let messageId = 1_000_000;

  const send = (userId: number, text: string) => {
    const started = performance.now();
    return telegram
      .deliverUpdate(
        bot.token,
        textUpdate({ userId, chatId: userId, updateId: ++updateId, messageId: ++messageId, text }),
      )
      .then((response) => ({ status: response.status, ms: performance.now() - started }));
  };
  const leadMessage = (userId: number) =>
    eventually(`the lead message of ${userId} to be processed`, async () => {
      const [row] = await stack.sql`
        select m.intent, m.sentiment, m.processed_at, l.qualification from public.messages m
        join public.leads l on l.id = m.lead_id
        join public.lead_identities i on i.lead_id = l.id and i.kind = 'telegram' and i.value = ${String(userId)}
        where m.sender = 'lead' order by m.created_at desc limit 1`;
      return row?.processed_at ? row : undefined;
    });

  beforeAll(async () => {
    telegram = await startFakeTelegramBotApi();
    telegram.registerBot(bot);
    openai = await startFakeOpenAi({ apiKey: "sk-test-key" });
    stack = await startMessagingStack({
      TELEGRAM_API_ROOT: telegram.url,
      OPENAI_BASE_URL: `${openai.url}/v1`,
      OPENAI_API_KEY: "sk-test-key",
      OPENAI_MODEL: "test-model",
    });
    const connected = await stack.invoke("channel-connect", {
      workspace_id: stack.workspaceId,
      provider: "telegram_bot",
      token: bot.token,
    });
    expect(connected.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await telegram?.close();
    await openai?.close();
  });

  it("uses the structured output: fields the rules cannot read, intent and sentiment", async () => {
    openai.respondWith(() => ({
      language: "ru",
      city: "Shymkent",
      budget_kzt: 450000,
      timeline_days: 14,
      phone: null,
      need: "сплит-система в офис",
      intent: "buy",
      sentiment: "positive",
    }));
    const answer = await send(
      6001,
      "Хотим поставить сплит в офис у нас на юге, денег примерно как на подержанный айфон",
    );
    expect(answer.status).toBe(200);
    const row = await leadMessage(6001);
    expect(row).toMatchObject({ intent: "buy", sentiment: "positive" });
    expect(row.qualification.fields).toMatchObject({
      city: "Shymkent",
      budget_kzt: 450000,
      timeline_days: 14,
    });
    const call = await openai.waitFor(() => true);
    expect(call.body).toMatchObject({
      model: "test-model",
      response_format: { type: "json_schema", json_schema: { name: "lead_signals", strict: true } },
    });
  });

  it("keeps the rules result when the LLM is slower than the budget, without delaying the acknowledgement", async () => {
    openai.respondWith(() => ({
      language: "ru",
      city: "Aktau",
      budget_kzt: 1,
      timeline_days: 1,
      phone: null,
      need: null,
      intent: "buy",
      sentiment: "neutral",
    }));
    openai.slow(4000);
    try {
      const answer = await send(6002, "Нужен кондиционер в Караганде, бюджет 300 тыс");
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1500);
      const row = await leadMessage(6002);
      expect(row.qualification.fields).toMatchObject({ city: "Karaganda", budget_kzt: 300000 });
      expect(row.intent).toBeNull();
      await telegram.waitFor((c) => c.method === "sendMessage" && String(c.params.chat_id) === "6002");
    } finally {
      openai.slow(0);
    }
  });

  it("keeps the rules result on an error or an answer that is not the schema", async () => {
    openai.failNext(500);
    await send(6003, "Бюджет 2 млн тенге, Павлодар");
    const failed = await leadMessage(6003);
    expect(failed.qualification.fields).toMatchObject({ city: "Pavlodar", budget_kzt: 2000000 });
    openai.invalidNext();
    await send(6004, "Бюджет 800 000 ₸, Костанай");
    const invalid = await leadMessage(6004);
    expect(invalid.qualification.fields).toMatchObject({ city: "Kostanay", budget_kzt: 800000 });
    openai.garbageNext();
    await send(6005, "5-6 млн, Атырау");
    const garbage = await leadMessage(6005);
    expect(garbage.qualification.fields).toMatchObject({ city: "Atyrau", budget_kzt: 6000000 });
  });
});
