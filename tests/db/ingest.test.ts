import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Channel, connectChannel, ingest, telegramMessage, uniqueTag } from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

describe("private.ingest_inbound_message", () => {
  let db: TestDatabase;
  let f: Fixture;
  let bot: Channel;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });
  beforeAll(async () => {
    bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, { campaign_id: f.campaignA });
  });

  /** Row counts a duplicate must leave alone. */
  async function counts(workspaceId: string) {
    const [row] = await db.sql<{ leads: number; messages: number; events: number; conversations: number }[]>`
      select
        (select count(*)::int from public.leads where workspace_id = ${workspaceId}) as leads,
        (select count(*)::int from public.messages where workspace_id = ${workspaceId}) as messages,
        (select count(*)::int from public.events where workspace_id = ${workspaceId}) as events,
        (select count(*)::int from public.conversations where workspace_id = ${workspaceId}) as conversations`;
    return row;
  }

  it("stores a new chat's first message as a new lead, conversation and message, with the bot's events", async () => {
    const chat = `${Date.now()}1`;
    const result = await ingest(
      db.sql,
      telegramMessage(bot, chat, 1, { name: "Айгерим", text: "Сколько стоит?" }),
    );
    expect(result).toMatchObject({ status: "stored", lead_created: true, workspace_id: f.workspaceA });

    const [lead] = await db.sql`
      select source_platform, source_id, name, status, campaign_id, first_contact_at is not null as contacted
      from public.leads where id = ${result.lead_id}`;
    expect(lead).toEqual({
      source_platform: "telegram",
      source_id: chat,
      name: "Айгерим",
      status: "new",
      campaign_id: f.campaignA,
      contacted: true,
    });
    const [conversation] = await db.sql`
      select lead_id, channel_id, external_chat_id, last_inbound_at is not null as inbound from public.conversations
      where id = ${result.conversation_id}`;
    expect(conversation).toEqual({
      lead_id: result.lead_id,
      channel_id: bot.id,
      external_chat_id: chat,
      inbound: true,
    });
    const [message] = await db.sql`
      select sender, text, platform_message_id, processed_at from public.messages where id = ${result.message_id}`;
    expect(message).toEqual({
      sender: "lead",
      text: "Сколько стоит?",
      platform_message_id: `${bot.external_id}:${chat}:1`,
      processed_at: null,
    });
    const events = await db.sql`
      select action, actor_kind, details from public.events where entity_id = ${result.lead_id} order by id`;
    expect(events).toEqual([
      {
        action: "lead_captured",
        actor_kind: "bot",
        details: { channel_id: bot.id, campaign_id: f.campaignA, start_code: null },
      },
      {
        action: "message_received",
        actor_kind: "bot",
        details: { message_id: result.message_id, channel_id: bot.id },
      },
    ]);
    const identities =
      await db.sql`select kind, value from public.lead_identities where lead_id = ${result.lead_id}`;
    expect(identities).toEqual([{ kind: "telegram", value: chat }]);
  });

  it("reports a redelivered message as a duplicate and changes nothing", async () => {
    const chat = `${Date.now()}2`;
    const first = await ingest(db.sql, telegramMessage(bot, chat, 7));
    const before = await counts(f.workspaceA);
    const again = await ingest(
      db.sql,
      telegramMessage(bot, chat, 7, { text: "другой текст", name: "Другое имя" }),
    );
    expect(again).toEqual({ ...first, status: "duplicate", lead_created: false });
    expect(await counts(f.workspaceA)).toEqual(before);
    const [message] = await db.sql`select text from public.messages where id = ${first.message_id}`;
    expect(message?.text).toBe("Сообщение 7");
  });

  it("adds a later message of the same chat to the same lead and conversation", async () => {
    const chat = `${Date.now()}3`;
    const first = await ingest(db.sql, telegramMessage(bot, chat, 1));
    const second = await ingest(db.sql, telegramMessage(bot, chat, 2));
    expect(second).toMatchObject({
      status: "stored",
      lead_created: false,
      lead_id: first.lead_id,
      conversation_id: first.conversation_id,
    });
    expect(second.message_id).not.toBe(first.message_id);
  });

  it("refuses an unknown channel with P0002 unknown_channel", async () => {
    const unknown = { ...bot, id: "00000000-0000-4000-8000-00000000dead" };
    await expect(ingest(db.sql, telegramMessage(unknown, "1", 1))).rejects.toMatchObject({
      code: "P0002",
      message: "unknown_channel",
    });
  });

  describe("under concurrency", () => {
    let pool: postgres.Sql;
    beforeAll(() => {
      pool = postgres(db.url, { max: 20, onnotice: () => {} });
      return () => pool.end({ timeout: 1 });
    });

    it("turns 20 simultaneous messages of one new chat into 1 lead, 1 conversation and 20 messages", async () => {
      const chat = `${Date.now()}4`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => ingest(pool, telegramMessage(bot, chat, i + 1))),
      );
      expect(results.every((r) => r.status === "stored")).toBe(true);
      expect(results.filter((r) => r.lead_created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.lead_id)).size).toBe(1);
      const [row] = await db.sql<
        { leads: number; conversations: number; messages: number; captured: number }[]
      >`
        select
          (select count(*)::int from public.leads where source_id = ${chat}) as leads,
          (select count(*)::int from public.conversations where external_chat_id = ${chat}) as conversations,
          (select count(*)::int from public.messages where lead_id = ${results[0]!.lead_id}) as messages,
          (select count(*)::int from public.events where entity_id = ${results[0]!.lead_id} and action = 'lead_captured') as captured`;
      expect(row).toEqual({ leads: 1, conversations: 1, messages: 20, captured: 1 });
    });

    it("stores 20 simultaneous copies of one message once", async () => {
      const chat = `${Date.now()}5`;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => ingest(pool, telegramMessage(bot, chat, 1))),
      );
      expect(results.filter((r) => r.status === "stored")).toHaveLength(1);
      expect(results.filter((r) => r.status === "duplicate")).toHaveLength(19);
      expect(new Set(results.map((r) => r.message_id)).size).toBe(1);
      const [row] = await db.sql<{ messages: number; received: number }[]>`
        select
          (select count(*)::int from public.messages where platform_message_id = ${`${bot.external_id}:${chat}:1`}) as messages,
          (select count(*)::int from public.events where entity_id = ${results[0]!.lead_id} and action = 'message_received') as received`;
      expect(row).toEqual({ messages: 1, received: 1 });
    });
  });

  describe("finding the lead", () => {
    it("finds a lead by phone when a new platform identity writes, and attaches that identity to it", async () => {
      const tag = uniqueTag();
      const phone = `+7701${`${Math.floor(Math.random() * 1e7)}`.padStart(7, "0")}`;
      const waha = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        provider: "waha",
        external_id: `session-${tag}`,
      });
      const telegramChat = `${Date.now()}6`;
      const onTelegram = await ingest(
        db.sql,
        telegramMessage(bot, telegramChat, 1, { phone, identities: [{ kind: "phone", value: phone }] }),
      );
      const waId = `${phone.slice(1)}@c.us`;
      const onWhatsApp = await ingest(db.sql, {
        channel_id: waha.id,
        platform_message_id: `wamid-${tag}`,
        chat_id: waId,
        identity: { kind: "whatsapp", value: phone.slice(1) },
        phone,
        name: "Aigerim WA",
        text: "Это снова я",
        sent_at: new Date().toISOString(),
      });
      expect(onWhatsApp).toMatchObject({
        status: "stored",
        lead_created: false,
        lead_id: onTelegram.lead_id,
      });
      expect(onWhatsApp.conversation_id).not.toBe(onTelegram.conversation_id);
      const identities = await db.sql`
        select kind, value from public.lead_identities where lead_id = ${onTelegram.lead_id} order by kind`;
      expect(identities).toEqual([
        { kind: "telegram", value: telegramChat },
        { kind: "whatsapp", value: phone.slice(1) },
        { kind: "phone", value: phone },
      ]);
      const [lead] = await db.sql`select name, phone from public.leads where id = ${onTelegram.lead_id}`;
      expect(lead).toEqual({ name: "Айгерим", phone });
    });

    it("never takes an identity another lead holds: a shared phone stays with its first lead", async () => {
      const phone = `+7702${`${Math.floor(Math.random() * 1e7)}`.padStart(7, "0")}`;
      const first = await ingest(db.sql, telegramMessage(bot, `${Date.now()}7`, 1, { phone }));
      // The second person is known by an identity of their own first, then shares the same phone.
      const secondChat = `${Date.now()}8`;
      const second = await ingest(db.sql, telegramMessage(bot, secondChat, 1));
      const secondAgain = await ingest(db.sql, telegramMessage(bot, secondChat, 2, { phone }));
      expect(second.lead_id).not.toBe(first.lead_id);
      expect(secondAgain.lead_id).toBe(second.lead_id);
      const owners =
        await db.sql`select lead_id from public.lead_identities where kind = 'phone' and value = ${phone}`;
      expect(owners).toEqual([{ lead_id: first.lead_id }]);
      const [lead] = await db.sql`select phone from public.leads where id = ${second.lead_id}`;
      expect(lead?.phone).toBe(phone);
    });

    it("keeps the name and phone a lead has, and fills them when it has none", async () => {
      const chat = `${Date.now()}9`;
      const first = await ingest(db.sql, telegramMessage(bot, chat, 1, { name: null }));
      await ingest(db.sql, telegramMessage(bot, chat, 2, { name: "Ерлан", phone: "+77015550011" }));
      await ingest(db.sql, telegramMessage(bot, chat, 3, { name: "Другой", phone: "+77015550022" }));
      const [lead] = await db.sql`select name, phone from public.leads where id = ${first.lead_id}`;
      expect(lead).toEqual({ name: "Ерлан", phone: "+77015550011" });
    });

    it("ignores a phone that is not E.164 instead of losing the message", async () => {
      const result = await ingest(
        db.sql,
        telegramMessage(bot, `${Date.now()}10`, 1, { phone: "8 701 555 00 33" }),
      );
      expect(result.status).toBe("stored");
      const [lead] = await db.sql`select phone from public.leads where id = ${result.lead_id}`;
      expect(lead?.phone).toBeNull();
    });
  });

  describe("start codes", () => {
    let codeCampaign: string;
    let codeAd: string;
    let code: string;
    beforeAll(async () => {
      code = `spring_${uniqueTag()}`;
      const [campaign] = await db.sql<{ id: string }[]>`
        insert into public.campaigns (workspace_id, niche_id, name, platform)
        values (${f.workspaceA}, ${f.nicheA}, 'Telegram ads', 'telegram') returning id`;
      codeCampaign = campaign!.id;
      const [ad] = await db.sql<{ id: string }[]>`
        insert into public.ads (workspace_id, campaign_id, platform, title)
        values (${f.workspaceA}, ${codeCampaign}, 'telegram', 'Spring promo') returning id`;
      codeAd = ad!.id;
      await db.sql`insert into public.tracking_codes (workspace_id, code, campaign_id, ad_id)
        values (${f.workspaceA}, ${code}, ${codeCampaign}, ${codeAd})`;
    });

    async function adMessages(): Promise<number> {
      const [ad] = await db.sql<{ messages: number }[]>`select messages from public.ads where id = ${codeAd}`;
      return ad!.messages;
    }

    it("gives a new lead the code's campaign, not the channel's, and counts a message for the code's ad", async () => {
      const before = await adMessages();
      const result = await ingest(
        db.sql,
        telegramMessage(bot, `${Date.now()}11`, 1, { text: `/start ${code}`, start_code: code }),
      );
      const [lead] = await db.sql`select campaign_id from public.leads where id = ${result.lead_id}`;
      expect(lead?.campaign_id).toBe(codeCampaign);
      expect(await adMessages()).toBe(before + 1);
      const [event] = await db.sql`
        select details from public.events where entity_id = ${result.lead_id} and action = 'lead_captured'`;
      expect(event?.details).toEqual({ channel_id: bot.id, campaign_id: codeCampaign, start_code: code });
    });

    it("attributes a lead without a campaign, and leaves a lead's campaign alone", async () => {
      const plain = await connectChannel(db.sql, f.users.operator, f.workspaceA);
      const chat = `${Date.now()}12`;
      const first = await ingest(db.sql, telegramMessage(plain, chat, 1));
      const [before] = await db.sql`select campaign_id from public.leads where id = ${first.lead_id}`;
      expect(before?.campaign_id).toBeNull();
      await ingest(db.sql, telegramMessage(plain, chat, 2, { start_code: code }));
      const [after] = await db.sql`select campaign_id from public.leads where id = ${first.lead_id}`;
      expect(after?.campaign_id).toBe(codeCampaign);

      const adBefore = await adMessages();
      const otherChat = `${Date.now()}13`;
      const attributed = await ingest(db.sql, telegramMessage(bot, otherChat, 1));
      await ingest(db.sql, telegramMessage(bot, otherChat, 2, { start_code: code }));
      const [kept] = await db.sql`select campaign_id from public.leads where id = ${attributed.lead_id}`;
      expect(kept?.campaign_id).toBe(f.campaignA);
      expect(await adMessages()).toBe(adBefore);
    });

    it("falls back to the channel's campaign for an unknown code", async () => {
      const result = await ingest(
        db.sql,
        telegramMessage(bot, `${Date.now()}14`, 1, { start_code: "no-such-code" }),
      );
      const [lead] = await db.sql`select campaign_id from public.leads where id = ${result.lead_id}`;
      expect(lead?.campaign_id).toBe(f.campaignA);
    });
  });
});
