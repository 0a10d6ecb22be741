import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoId } from "../../packages/local/src/seed/seedDemoWorkspace.ts";
import { type FakeTelegramBotApi, startFakeTelegramBotApi } from "../fakes/fakeTelegramBotApi.ts";
import { launchChromium } from "../support/launchChromium.ts";
import { startTestAppStack } from "../support/startTestAppStack.ts";

const skip = process.env.CI !== "true" && process.env.ARQAN_SKIP_SLOW === "1";
const screenshots = resolve(import.meta.dirname, "../../test-results");
const workspace = demoId("workspace:almaty");
const channelId = demoId("e2e:inbox:channel");
const chatId = "880001";
const bot = {
  token: "990001:AAHe2eInboxTokenForArqanTests_0123456789",
  id: 990001,
  username: "arqan_e2e_bot",
  first_name: "E2E бот",
};

/**
 * The operator's inbox in a real browser against the whole local stack: a lead who wrote to a Telegram bot, their
 * conversation arriving live, taking the lead over from the bot, replying, and overriding the bot's verdict.
 */
describe.skipIf(skip)("operator inbox in a real browser against the running stack", () => {
  let stack: Awaited<ReturnType<typeof startTestAppStack>>;
  let telegram: FakeTelegramBotApi;
  let browser: Browser;
  let sql: postgres.Sql;
  let page: Page;
  let leadId = "";

  /** A message from the lead, stored as the Telegram webhook stores it. */
  async function leadWrites(messageNumber: number, text: string): Promise<string> {
    const [row] = await sql<{ result: { lead_id: string } }[]>`
      select private.ingest_inbound_message(${sql.json({
        channel_id: channelId,
        // Far above the fake Bot API's numbering of the bot's messages in this chat (Telegram shares one sequence).
        platform_message_id: `990001:${chatId}:${1_000_000 + messageNumber}`,
        chat_id: chatId,
        identity: { kind: "telegram", value: chatId },
        name: "Динара Инбокс-Тест",
        text,
        sent_at: new Date().toISOString(),
      })}) as result`;
    return row?.result.lead_id ?? "";
  }

  beforeAll(async () => {
    telegram = await startFakeTelegramBotApi();
    telegram.registerBot(bot);
    stack = await startTestAppStack({ TELEGRAM_API_ROOT: telegram.url });
    browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
    sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    // A connected bot, as channel-connect leaves it; its Bot API is the fake, which records what the operator sends.
    await sql`insert into public.channels (id, workspace_id, provider, platform, name, external_id, username, status)
              values (${channelId}, ${workspace}, 'telegram_bot', 'telegram', 'E2E бот', '990001', 'arqan_e2e_bot', 'active')`;
    await sql`insert into private.channel_secrets (channel_id, workspace_id, bot_token, webhook_secret)
              values (${channelId}, ${workspace}, ${bot.token}, 'e2e-webhook-secret')`;
    leadId = await leadWrites(1, "Здравствуйте! Нужен кондиционер в спальню");
  }, 180_000);
  afterAll(async () => {
    await sql?.end();
    await browser?.close();
    await stack?.stop();
    await telegram?.close();
  });

  it("finds the lead in the inbox, opens it, and shows the lead's new message without a reload", async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ru-RU" });
    await page.goto(stack.dashboardUrl);
    await page.getByTestId("signin-email").fill(stack.login?.email ?? "");
    await page.getByTestId("signin-password").fill(stack.login?.password ?? "");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("leads-table").waitFor({ timeout: 15_000 });

    await page.getByTestId("leads-search").fill("инбокс-тест");
    await expect.poll(() => page.getByTestId("lead-row").count(), { timeout: 10_000 }).toBe(1);
    const row = page.locator(`[data-testid="lead-row"][data-lead-id="${leadId}"]`);
    expect(await row.textContent()).toContain("Динара Инбокс-Тест");
    await row.locator(".cell-campaign").click();

    await page.getByTestId("lead-page").waitFor({ timeout: 10_000 });
    expect(page.url()).toContain(`#/leads/${leadId}`);
    const conversation = page.getByTestId("conversation");
    await expect
      .poll(() => conversation.locator('[data-testid="message"][data-sender="lead"]').first().textContent())
      .toContain("Нужен кондиционер в спальню");
    await page
      .getByTestId("live-indicator")
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 10_000 });
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    await leadWrites(2, "А сколько стоит установка?");
    await conversation
      .locator('[data-testid="message"][data-sender="lead"]', { hasText: "сколько стоит установка" })
      .waitFor({ timeout: 5_000 });
    expect(navigations).toEqual([]);
    await page.screenshot({ path: resolve(screenshots, "e2e-inbox-lead.png"), fullPage: true });
  }, 90_000);

  it("takes the lead over from the bot and sends the operator's reply through the lead's channel", async () => {
    await page.getByTestId("take-over").click();
    await page.locator('[data-testid="bot-state"][data-paused="true"]').waitFor({ timeout: 10_000 });
    await page.getByTestId("hand-back").waitFor();

    const reply = "Добрый день! Установка от 25 000 ₸, мастер приедет завтра.";
    await page.getByTestId("reply-text").fill(reply);
    await page.getByTestId("reply-send").click();
    await expect.poll(() => page.getByTestId("reply-text").inputValue(), { timeout: 10_000 }).toBe("");

    const [queued] = await sql<{ status: string; sender: string }[]>`
      select status, sender::text from public.outbound_messages where lead_id = ${leadId} and text = ${reply}`;
    expect(queued?.sender).toBe("human");
    // The reply goes out through the lead's channel: the fake Bot API receives it for the lead's chat, and the
    // page shows it as the operator's message, with the response time now known.
    const sent = await telegram.waitFor(
      (call) =>
        call.method === "sendMessage" && String(call.params.chat_id) === chatId && call.params.text === reply,
      15_000,
    );
    expect(sent.status).toBe(200);
    await page
      .getByTestId("conversation")
      .locator('[data-testid="message"][data-sender="human"]', { hasText: reply })
      .waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="bot-state"][data-paused="true"]').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId("response-time").textContent(), { timeout: 10_000 })
      .not.toContain("—");
    expect(telegram.sentMessages(chatId).filter((m) => m.text === reply)).toHaveLength(1);
    await page.screenshot({ path: resolve(screenshots, "e2e-inbox-reply.png"), fullPage: true });
  }, 60_000);

  it("overrides the bot's verdict with a required reason that is still shown after a reload", async () => {
    await page.getByTestId("override-open").click();
    await page.getByTestId("override-status").selectOption("disqualified");
    await page.getByTestId("override-submit").click();
    await page.getByTestId("override-error").waitFor();

    const reason = "Живёт в Талдыкоргане, туда не выезжаем";
    await page.getByTestId("override-reason").fill(reason);
    await page.getByTestId("override-submit").click();
    await page.getByTestId("override-current").waitFor({ timeout: 10_000 });

    await page.reload();
    await page.getByTestId("lead-page").waitFor({ timeout: 15_000 });
    const current = page.getByTestId("override-current");
    expect(await current.getAttribute("data-status")).toBe("disqualified");
    expect(await page.getByTestId("override-reason-shown").textContent()).toContain(reason);
    expect(await page.locator('.lead-header [data-status="disqualified"]').count()).toBe(1);
    const [lead] = await sql<{ status: string; reason: string }[]>`
      select status::text, qualification -> 'override' ->> 'reason' as reason from public.leads where id = ${leadId}`;
    expect(lead).toEqual({ status: "disqualified", reason });
    await page.screenshot({ path: resolve(screenshots, "e2e-inbox-override.png"), fullPage: true });
  }, 60_000);

  it("marks the taken-over lead in the inbox, and saves a qualification script only once it adds up", async () => {
    await page.getByRole("link", { name: /Все лиды/ }).click();
    const row = page.locator(`[data-testid="lead-row"][data-lead-id="${leadId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId("needs-you").getAttribute("data-reason")).toBe("bot_paused");

    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-page").waitFor({ timeout: 10_000 });
    const channel = page.locator('[data-testid="channel-row"][data-provider="telegram_bot"]');
    await channel.waitFor({ timeout: 10_000 });
    expect(await channel.textContent()).toContain("E2E бот");
    expect(await page.getByTestId("connect-telegram-token").getAttribute("type")).toBe("password");

    const editor = page.getByTestId("script-editor");
    await editor.waitFor();
    expect(await page.getByTestId("script-source").getAttribute("data-source")).toBe("built-in");
    await page.getByTestId("script-weight-need").fill("35");
    expect(await page.getByTestId("script-weights-sum").getAttribute("data-sum")).toBe("105");
    await page.getByTestId("script-save").click();
    expect(await page.getByTestId("script-errors").textContent()).toContain("105");

    await page.getByTestId("script-weight-need").fill("30");
    await page.getByTestId("script-qualify-at").fill("75");
    await editor.locator('[data-testid="script-cities"] input[value="Almaty"]').check();
    await page.getByTestId("script-save").click();
    await page.getByTestId("script-saved").waitFor({ timeout: 10_000 });
    const [stored] = await sql<{ qualify_at: number; cities: string[] }[]>`
      select (script ->> 'qualify_at')::int as qualify_at, array(select jsonb_array_elements_text(script -> 'cities')) as cities
      from public.qualification_scripts where workspace_id = ${workspace} and niche_id is null`;
    expect(stored).toEqual({ qualify_at: 75, cities: ["Almaty"] });
    // The source label follows the refetched script, which may land a moment after "saved".
    await page.locator('[data-testid="script-source"][data-source="own"]').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: resolve(screenshots, "e2e-inbox-settings.png"), fullPage: true });
  }, 60_000);
});
