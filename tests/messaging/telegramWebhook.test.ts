import { defaultQualificationScript } from "@arqan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeTelegramBotApi, startFakeTelegramBotApi } from "../fakes/fakeTelegramBotApi.ts";
import { callbackUpdate, contactUpdate, startUpdate, textUpdate } from "../fakes/telegramUpdates.ts";
import { eventually, type MessagingStack, startMessagingStack } from "../support/startMessagingStack.ts";

const bot = {
  token: "7000000001:AAHtestTokenForArqanBotsOnly_0123456789",
  id: 7000000001,
  username: "arqan_test_bot",
  first_name: "Arqan",
};
const kazakhLetters = /[әғқңөұүһі]/i;
const componentsSchema = z.array(z.object({ key: z.string(), points: z.number(), reason: z.string() }));
/** The score breakdown stored on a lead row. */
const scoreComponents = (lead: { qualification?: { score?: { components?: unknown } } } | undefined) =>
  componentsSchema.parse(lead?.qualification?.score?.components);

/**
 * The Telegram channel end to end: connecting a bot from its token, the webhook under real Deno behind the
 * gateway, qualification by rules, replies through grammY to a fake Bot API, take-over, bad input.
 */
describe("telegram-webhook", () => {
  let telegram: FakeTelegramBotApi;
  let stack: MessagingStack;
  let channelId: string;
  let campaignId: string;
  let updateId = 1000;
  // Telegram numbers a chat's messages in one sequence; the fake numbers the bot's from 1, leads' start far above.
  let messageId = 1_000_000;

  const next = () => ({ updateId: ++updateId, messageId: ++messageId });
  const deliver = (update: Parameters<FakeTelegramBotApi["deliverUpdate"]>[1]) =>
    telegram.deliverUpdate(bot.token, update);
  const waitForReplies = (chatId: number, count: number) =>
    eventually(`${count} bot replies in chat ${chatId}`, async () =>
      telegram.sentMessages(chatId).length >= count ? telegram.sentMessages(chatId) : undefined,
    );
  const leadOf = async (telegramUserId: number) => {
    const [lead] = await stack.sql`
      select l.* from public.leads l
      join public.lead_identities i on i.lead_id = l.id and i.kind = 'telegram' and i.value = ${String(telegramUserId)}`;
    return lead;
  };

  beforeAll(async () => {
    telegram = await startFakeTelegramBotApi();
    telegram.registerBot(bot);
    stack = await startMessagingStack({ TELEGRAM_API_ROOT: telegram.url });
    const [niche] = await stack.sql`
      insert into public.niches (workspace_id, name) values (${stack.workspaceId}, 'Кондиционеры, Алматы') returning id`;
    const [campaign] = await stack.sql`
      insert into public.campaigns (workspace_id, niche_id, name, platform)
      values (${stack.workspaceId}, ${niche?.id}, 'OLX кондиционеры', 'olx') returning id`;
    campaignId = String(campaign?.id);
    await stack.sql`
      insert into public.tracking_codes (workspace_id, code, campaign_id) values (${stack.workspaceId}, 'olx-ac-1', ${campaignId})`;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await telegram?.close();
  });

  describe("connecting a bot", () => {
    it("refuses a viewer, a malformed token and a token Telegram does not know", async () => {
      const viewer = await stack.invoke(
        "channel-connect",
        { workspace_id: stack.workspaceId, provider: "telegram_bot", token: bot.token },
        stack.viewer.jwt,
      );
      expect(viewer.status).toBe(403);
      const malformed = await stack.invoke("channel-connect", {
        workspace_id: stack.workspaceId,
        provider: "telegram_bot",
        token: "not-a-token",
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: "INVALID_TOKEN" });
      const unknown = await stack.invoke("channel-connect", {
        workspace_id: stack.workspaceId,
        provider: "telegram_bot",
        token: "7000000999:AAHunknownTokenUnknownTokenUnknown_0000",
      });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ code: "INVALID_TOKEN" });
      expect(await stack.sql`select 1 from public.channels`).toHaveLength(0);
    });

    it("checks the token with getMe, sets the webhook with a generated secret and never returns the token", async () => {
      const response = await stack.invoke("channel-connect", {
        workspace_id: stack.workspaceId,
        provider: "telegram_bot",
        token: bot.token,
      });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(text).not.toContain(bot.token);
      const body = JSON.parse(text);
      channelId = body.channel.id;
      expect(body.webhook).toMatchObject({
        set: true,
        url: `${stack.functionsUrl}/telegram-webhook/${channelId}`,
      });
      expect(text).not.toContain(telegram.webhook(bot.token)?.secret_token ?? "no secret");
      expect(telegram.webhook(bot.token)).toMatchObject({
        url: `${stack.functionsUrl}/telegram-webhook/${channelId}`,
        allowed_updates: ["message", "callback_query"],
      });
      expect(telegram.webhook(bot.token)?.secret_token).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
      const [channel] =
        await stack.sql`select status, username, external_id from public.channels where id = ${channelId}`;
      expect(channel).toEqual({ status: "active", username: bot.username, external_id: String(bot.id) });
    });
  });

  describe("a conversation in Russian", () => {
    const user = { userId: 5001, chatId: 5001, firstName: "Айгерим" };

    it("greets a /start deep link in Russian, attributes the campaign and asks the first question", async () => {
      const response = await deliver(startUpdate({ ...user, ...next(), code: "olx-ac-1" }));
      expect(response.status).toBe(200);
      const [first] = await waitForReplies(user.chatId, 1);
      expect(first?.text).toMatch(/[а-яё]/i);
      expect(first?.text).not.toMatch(kazakhLetters);
      const lead = await leadOf(user.userId);
      expect(lead).toMatchObject({ campaign_id: campaignId, source_platform: "telegram", name: "Айгерим" });
      expect(lead?.first_contact_at).not.toBeNull();
      expect(lead?.first_response_at).not.toBeNull();
    });

    it("asks only what it does not know, then qualifies with the expected score", async () => {
      await deliver(
        textUpdate({ ...user, ...next(), text: "Нужен кондиционер в квартиру, бюджет 400 тыс тенге" }),
      );
      await waitForReplies(user.chatId, 2);
      await deliver(textUpdate({ ...user, ...next(), text: "в следующем месяце" }));
      await waitForReplies(user.chatId, 3);
      await deliver(textUpdate({ ...user, ...next(), text: "Алматы" }));
      await waitForReplies(user.chatId, 4);
      await deliver(contactUpdate({ ...user, ...next(), phone: "+77011234567" }));
      const replies = await waitForReplies(user.chatId, 5);
      // Budget, city and timeline were never asked twice, and nothing already told was asked at all.
      expect(replies.every((reply) => !kazakhLetters.test(reply.text ?? ""))).toBe(true);
      const lead = await eventually("the lead to be qualified", async () => {
        const row = await leadOf(user.userId);
        return row?.status === "qualified" ? row : undefined;
      });
      expect(lead).toMatchObject({ phone: "+77011234567", language: "ru" });
      expect(lead?.qualification.fields).toMatchObject({
        budget_kzt: 400000,
        timeline_days: 62,
        city: "Almaty",
        phone: "+77011234567",
      });
      // Default script: need 30 + budget 25 + timeline within a quarter 10 of 20 + city 10 + phone 15.
      expect(lead?.score).toBe(90);
      expect(lead?.qualification.score.total).toBe(90);
      expect(Object.fromEntries(scoreComponents(lead).map((c) => [c.key, c.points]))).toEqual({
        need: 30,
        budget: 25,
        timeline: 10,
        city: 10,
        phone: 15,
      });
      const messages = await stack.sql`
        select sender, count(*)::int as n from public.messages where lead_id = ${lead?.id} group by sender order by sender`;
      expect(messages).toEqual([
        { sender: "bot", n: 5 },
        { sender: "lead", n: 5 },
      ]);
    });
  });

  describe("a conversation in Kazakh", () => {
    const user = { userId: 5002, chatId: 5002, firstName: "Нұрлан" };

    it("answers in Kazakh and takes a button press as the answer", async () => {
      await deliver(textUpdate({ ...user, ...next(), text: "Сәлеметсіз бе! Маған кондиционер керек" }));
      const replies = await waitForReplies(user.chatId, 1);
      expect(replies[0]?.text).toMatch(kazakhLetters);
      const withButtons = await eventually("a reply with buttons", async () => {
        const lastReply = telegram.sentMessages(user.chatId).at(-1);
        if (lastReply?.reply_markup) return lastReply;
        await deliver(textUpdate({ ...user, ...next(), text: "Бюджетім 300 мың теңге" }));
        await waitForReplies(user.chatId, telegram.sentMessages(user.chatId).length + 1);
        return undefined;
      });
      const button = withButtons.reply_markup?.inline_keyboard[0]?.[0];
      expect(button && "callback_data" in button).toBe(true);
      const before = telegram.sentMessages(user.chatId).length;
      const press = callbackUpdate({
        ...user,
        updateId: ++updateId,
        messageId: withButtons.message_id,
        data: button && "callback_data" in button ? (button.callback_data ?? "") : "",
        messageText: withButtons.text,
        bot: { id: bot.id, first_name: bot.first_name, username: bot.username },
      });
      // Telegram sends the bot's message with its keyboard along with the press.
      if (press.callback_query?.message && withButtons.reply_markup) {
        Object.assign(press.callback_query.message, { reply_markup: withButtons.reply_markup });
      }
      const response = await deliver(press);
      expect(response.status).toBe(200);
      await telegram.waitFor((call) => call.method === "answerCallbackQuery");
      const after = await waitForReplies(user.chatId, before + 1);
      expect(after.at(-1)?.text).toMatch(kazakhLetters);
      const lead = await leadOf(user.userId);
      expect(lead?.language).toBe("kk");
      const pressed = await stack.sql`
        select text from public.messages where lead_id = ${lead?.id} and sender = 'lead' order by sent_at desc, created_at desc limit 1`;
      expect(pressed[0]?.text).toBe(button?.text);
    });
  });

  describe("a conversation in Kazakh ending disqualified", () => {
    it("applies the niche's own script: a city it does not serve ends it at once, in Kazakh", async () => {
      const [niche] = await stack.sql`
        insert into public.niches (workspace_id, name) values (${stack.workspaceId}, 'Кондиционеры, только Алматы') returning id`;
      const [campaign] = await stack.sql`
        insert into public.campaigns (workspace_id, niche_id, name, platform)
        values (${stack.workspaceId}, ${niche?.id}, 'Алматы OLX', 'olx') returning id`;
      await stack.sql`
        insert into public.tracking_codes (workspace_id, code, campaign_id) values (${stack.workspaceId}, 'almaty-only', ${campaign?.id})`;
      const script = { ...defaultQualificationScript, cities: ["Almaty"], min_budget_kzt: 300000 };
      await stack.sql`
        insert into public.qualification_scripts (workspace_id, niche_id, name, script)
        values (${stack.workspaceId}, ${niche?.id}, 'Только Алматы', ${stack.sql.json(JSON.parse(JSON.stringify(script)))})`;
      const user = { userId: 5010, chatId: 5010, firstName: "Айдос" };
      await deliver(startUpdate({ ...user, ...next(), code: "almaty-only" }));
      await waitForReplies(user.chatId, 1);
      await deliver(
        textUpdate({ ...user, ...next(), text: "Сәлеметсіз бе! Астанада пәтерге кондиционер керек" }),
      );
      const replies = await waitForReplies(user.chatId, 2);
      expect(replies.at(-1)?.text).toBe(script.texts.disqualified.kk);
      const lead = await eventually("the lead to be disqualified", async () => {
        const row = await leadOf(user.userId);
        return row?.status === "disqualified" ? row : undefined;
      });
      expect(lead).toMatchObject({ language: "kk", campaign_id: campaign?.id });
      // Need 30 (stated), the city Astana is not served (0 of 10), nothing else known yet.
      expect(lead?.score).toBe(30);
      const city = scoreComponents(lead).find((c) => c.key === "city");
      expect(city?.reason).toBe("not_served");
      await deliver(textUpdate({ ...user, ...next(), text: "Бюджет 500 мың" }));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(telegram.sentMessages(user.chatId)).toHaveLength(2); // after the verdict the bot stays quiet
    });
  });

  describe("redeliveries and concurrency", () => {
    it("stores a redelivered update once and answers 200 each time", async () => {
      const user = { userId: 5003, chatId: 5003, firstName: "Дана" };
      const update = textUpdate({ ...user, ...next(), text: "Здравствуйте, сколько стоит установка?" });
      const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(update)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect((await deliver(update)).status).toBe(200);
      const lead = await leadOf(user.userId);
      const [count] =
        await stack.sql`select count(*)::int as n from public.messages where lead_id = ${lead?.id} and sender = 'lead'`;
      expect(count?.n).toBe(1);
      await waitForReplies(user.chatId, 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(telegram.sentMessages(user.chatId)).toHaveLength(1);
    });

    it("keeps one lead, one conversation and every message when one chat's updates arrive at once", async () => {
      const user = { userId: 5004, chatId: 5004, firstName: "Ерлан" };
      const updates = Array.from({ length: 12 }, (_, i) =>
        textUpdate({ ...user, ...next(), text: `Сообщение ${i + 1}` }),
      );
      const answers = await Promise.all(updates.flatMap((u) => [deliver(u), deliver(u)]));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const rows = await stack.sql`
        select count(distinct l.id)::int as leads, count(distinct c.id)::int as conversations, count(m.id)::int as messages
        from public.lead_identities i
        join public.leads l on l.id = i.lead_id
        join public.conversations c on c.lead_id = l.id
        join public.messages m on m.conversation_id = c.id and m.sender = 'lead'
        where i.kind = 'telegram' and i.value = ${String(user.userId)}`;
      expect(rows[0]).toEqual({ leads: 1, conversations: 1, messages: 12 });
    });
  });

  describe("sending politely", () => {
    const asOperator = async <T>(run: (tx: import("postgres").TransactionSql) => Promise<T>) =>
      stack.sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: stack.operator.id, role: "authenticated" })}, true)`;
        await tx`set local role authenticated`;
        return run(tx);
      });
    const outboxIdle = () =>
      eventually(
        "the outbox to be idle",
        async () => {
          const [row] = await stack.sql`
            select count(*)::int as n from public.outbound_messages where status in ('pending', 'sending')`;
          return row?.n === 0;
        },
        20_000,
      );

    it("answers a burst of lead messages once, where the conversation stands", async () => {
      const user = { userId: 5007, chatId: 5007, firstName: "Бауыржан" };
      await outboxIdle();
      await Promise.all([
        deliver(textUpdate({ ...user, ...next(), text: "Здравствуйте" })),
        deliver(textUpdate({ ...user, ...next(), text: "Нужен монтаж кондиционера" })),
        deliver(textUpdate({ ...user, ...next(), text: "Бюджет 200 тыс" })),
      ]);
      await waitForReplies(user.chatId, 1);
      // Each message is qualified in the background in turn; the count below needs all three behind it.
      await eventually("the three messages to be qualified", async () => {
        const [row] = await stack.sql`
          select count(*)::int as n from public.messages m
          join public.lead_identities i on i.lead_id = m.lead_id and i.kind = 'telegram' and i.value = ${String(user.userId)}
          where m.sender = 'lead' and m.processed_at is not null`;
        return row?.n === 3;
      });
      await outboxIdle();
      const lead = await leadOf(user.userId);
      const outbox = await stack.sql`
        select status from public.outbound_messages where lead_id = ${lead?.id} order by created_at`;
      const sent = outbox.filter((row) => row.status === "sent").length;
      expect(sent).toBe(telegram.sentMessages(user.chatId).length);
      expect(sent + outbox.filter((row) => row.status === "superseded").length).toBe(3);
      // The last reply sent is the one for the latest state: it never asks for the budget already given.
      expect(lead?.qualification.fields.budget_kzt).toBe(200000);
    });

    it("spaces messages to one chat a second apart and retries a 429 after retry_after, sending each once", async () => {
      const user = { userId: 5005, chatId: 5005, firstName: "Асель" };
      await deliver(textUpdate({ ...user, ...next(), text: "Здравствуйте, нужен кондиционер" }));
      await waitForReplies(user.chatId, 1);
      await outboxIdle();
      const lead = await leadOf(user.userId);
      telegram.enforceRateLimits(true);
      telegram.failNext("sendMessage", {
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        retry_after: 1,
      });
      try {
        for (const [i, text] of [
          "Здравствуйте!",
          "Меня зовут Алия, я менеджер.",
          "Когда удобно созвониться?",
        ].entries()) {
          await asOperator(
            (tx) => tx`select public.send_operator_reply(${lead?.id}, ${text}, ${`polite-${i}`})`,
          );
        }
        expect((await stack.invoke("outbox-dispatch", { lead_id: lead?.id })).status).toBe(200);
        const sent = await eventually(
          "three operator messages",
          async () => {
            const calls = telegram.calls.filter(
              (c) =>
                c.method === "sendMessage" &&
                String(c.params.chat_id) === String(user.chatId) &&
                c.status === 200,
            );
            return calls.length >= 4 ? calls.slice(1) : undefined;
          },
          20_000,
        );
        expect(sent.map((c) => c.params.text)).toEqual([
          "Здравствуйте!",
          "Меня зовут Алия, я менеджер.",
          "Когда удобно созвониться?",
        ]);
        for (let i = 1; i < sent.length; i++) {
          expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(950);
        }
        const refused = telegram.calls.filter(
          (c) =>
            c.method === "sendMessage" &&
            c.status === 429 &&
            String(c.params.chat_id) === String(user.chatId),
        );
        expect(refused).toHaveLength(1); // only the injected one: our own pacing never hit Telegram's limit
        const outbox = await eventually("the three sends to be recorded", async () => {
          const [row] = await stack.sql`
            select count(*) filter (where status = 'sent')::int as sent, max(attempts)::int as max_attempts
            from public.outbound_messages where lead_id = ${lead?.id} and sender = 'human'`;
          return row?.sent === 3 ? row : undefined;
        });
        expect(outbox).toEqual({ sent: 3, max_attempts: 2 });
      } finally {
        telegram.enforceRateLimits(false);
      }
    }, 30_000);
  });

  describe("take-over", () => {
    it("silences the bot while an operator answers through the lead's channel, until handed back", async () => {
      const user = { userId: 5006, chatId: 5006, firstName: "Мадина" };
      await deliver(textUpdate({ ...user, ...next(), text: "Здравствуйте, нужен кондиционер" }));
      await waitForReplies(user.chatId, 1);
      const lead = await leadOf(user.userId);
      const asOperator = async <T>(run: (tx: import("postgres").TransactionSql) => Promise<T>) =>
        stack.sql.begin(async (tx) => {
          await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: stack.operator.id, role: "authenticated" })}, true)`;
          await tx`set local role authenticated`;
          return run(tx);
        });
      await asOperator((tx) => tx`select public.take_over_lead(${lead?.id})`);
      await deliver(textUpdate({ ...user, ...next(), text: "Алло, вы тут?" }));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(telegram.sentMessages(user.chatId)).toHaveLength(1);

      await asOperator(
        (tx) =>
          tx`select public.send_operator_reply(${lead?.id}, 'Здравствуйте! Я Алия, менеджер. Удобно созвониться?', 'reply-1')`,
      );
      await asOperator(
        (tx) =>
          tx`select public.send_operator_reply(${lead?.id}, 'Здравствуйте! Я Алия, менеджер. Удобно созвониться?', 'reply-1')`,
      );
      const dispatched = await stack.invoke("outbox-dispatch", { lead_id: lead?.id });
      expect(dispatched.status).toBe(200);
      const replies = await waitForReplies(user.chatId, 2);
      expect(replies[1]?.text).toBe("Здравствуйте! Я Алия, менеджер. Удобно созвониться?");
      // Recorded once Telegram has answered: the conversation shows who wrote it.
      const human = await eventually("the operator's message to be recorded", async () => {
        const [row] = await stack.sql`
          select sender, sender_user_id from public.messages where lead_id = ${lead?.id} and sender = 'human'`;
        return row;
      });
      expect(human).toEqual({ sender: "human", sender_user_id: stack.operator.id });

      await asOperator((tx) => tx`select public.hand_back_lead(${lead?.id})`);
      await deliver(textUpdate({ ...user, ...next(), text: "Бюджет 500 тыс" }));
      await waitForReplies(user.chatId, 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(telegram.sentMessages(user.chatId)).toHaveLength(3);
    });

    it("refuses outbox-dispatch to a viewer", async () => {
      const lead = await leadOf(5006);
      const response = await stack.invoke("outbox-dispatch", { lead_id: lead?.id }, stack.viewer.jwt);
      expect(response.status).toBe(403);
    });
  });

  describe("bad input", () => {
    const url = () => `${stack.functionsUrl}/telegram-webhook/${channelId}`;
    const secret = () => telegram.webhook(bot.token)?.secret_token ?? "";
    const countMessages = async () =>
      Number((await stack.sql`select count(*)::int as n from public.messages where sender = 'lead'`)[0]?.n);
    const post = (target: string, body: string, headers: Record<string, string>) =>
      fetch(target, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const update = () =>
      JSON.stringify(textUpdate({ userId: 5999, chatId: 5999, ...next(), text: "Привет" }));

    it("answers 401 to a missing or wrong secret and stores nothing", async () => {
      const before = await countMessages();
      const missing = await post(url(), update(), {});
      expect(missing.status).toBe(401);
      const wrong = await post(url(), update(), { "x-telegram-bot-api-secret-token": `${secret()}x` });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ code: "INVALID_SECRET" });
      expect(await countMessages()).toBe(before);
    });

    it("answers 400 to malformed JSON or a body that is not an update", async () => {
      const malformed = await post(url(), "{not json", { "x-telegram-bot-api-secret-token": secret() });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: "MALFORMED_JSON" });
      const notUpdate = await post(url(), JSON.stringify({ hello: 1 }), {
        "x-telegram-bot-api-secret-token": secret(),
      });
      expect(notUpdate.status).toBe(400);
    });

    it("answers 200 to update types the bot does not handle, storing nothing", async () => {
      const before = await countMessages();
      const edited = JSON.stringify({
        update_id: ++updateId,
        edited_message: {
          message_id: 1,
          date: 1,
          edit_date: 2,
          chat: { id: 5999, type: "private", first_name: "X" },
          from: { id: 5999, is_bot: false, first_name: "X" },
          text: "edited",
        },
      });
      const response = await post(url(), edited, { "x-telegram-bot-api-secret-token": secret() });
      expect(response.status).toBe(200);
      const group = JSON.stringify({
        update_id: ++updateId,
        message: {
          message_id: 2,
          date: 1,
          chat: { id: -100, type: "group", title: "G" },
          from: { id: 5999, is_bot: false, first_name: "X" },
          text: "hi all",
        },
      });
      expect((await post(url(), group, { "x-telegram-bot-api-secret-token": secret() })).status).toBe(200);
      expect(await countMessages()).toBe(before);
    });

    it("answers 404 to an unknown bot id", async () => {
      const unknown = await post(
        `${stack.functionsUrl}/telegram-webhook/00000000-0000-4000-8000-000000000000`,
        update(),
        {
          "x-telegram-bot-api-secret-token": secret(),
        },
      );
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: "UNKNOWN_BOT" });
      expect((await post(`${stack.functionsUrl}/telegram-webhook/not-a-uuid`, update(), {})).status).toBe(
        404,
      );
    });
  });
});
