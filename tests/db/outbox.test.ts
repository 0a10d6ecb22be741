import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import {
  applyQualification,
  type Channel,
  claimOutbound,
  connectChannel,
  ingest,
  telegramMessage,
} from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

describe("the outbox", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  let chatNumber = 0;
  /** A fresh chat on the channel (one inbound message stored); returns its conversation id. */
  async function newChat(channel: Channel): Promise<string> {
    chatNumber += 1;
    const result = await ingest(db.sql, telegramMessage(channel, `${Date.now()}${chatNumber}`, 1));
    return result.conversation_id;
  }

  /** Queues a bot reply on the conversation directly, as apply_qualification would. */
  async function queue(conversationId: string, text = "Здравствуйте!"): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      insert into public.outbound_messages (workspace_id, conversation_id, lead_id, channel_id, sender, text, idempotency_key)
      select workspace_id, id, lead_id, channel_id, 'bot', ${text}, ${`test:${randomUUID()}`}
      from public.conversations where id = ${conversationId}
      returning id`;
    return row!.id;
  }

  async function outbound(id: string) {
    const [row] = await db.sql<
      {
        status: string;
        attempts: number;
        last_error: string | null;
        due_in: number;
        message_id: string | null;
      }[]
    >`
      select status, attempts, last_error, extract(epoch from next_attempt_at - now())::float8 as due_in, message_id
      from public.outbound_messages where id = ${id}`;
    return row!;
  }

  async function needsHuman(conversationId: string): Promise<string | null> {
    const [row] = await db.sql<{ needs_human: string | null }[]>`
      select needs_human from public.conversations where id = ${conversationId}`;
    return row!.needs_human;
  }

  const complete = (id: string, platformMessageId: string | null = `sent-${randomUUID()}`) =>
    db.sql<{ result: { status: string; message_id: string | null } }[]>`
      select private.complete_outbound(${id}, ${platformMessageId}) as result`.then(
      (rows) => rows[0]!.result,
    );

  const fail = (id: string, error: string, retryAfter: number | null = null, permanent = false) =>
    db.sql<{ result: { status: string } }[]>`
      select private.fail_outbound(${id}, ${error}, ${retryAfter}, ${permanent}) as result`.then(
      (rows) => rows[0]!.result,
    );

  it("hands a reply to one sender, records it as the bot's message once, and answers the lead", async () => {
    const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
    const chat = `${Date.now()}0`;
    const inbound = await ingest(db.sql, telegramMessage(bot, chat, 1));
    const applied = await applyQualification(db.sql, {
      message_id: inbound.message_id,
      outcome: "in_progress",
      reply: { text: "Какой у вас бюджет?", options: [{ value: "low", label: "до 100 000 ₸" }] },
    });

    const claimed = await claimOutbound(db.sql, bot.id);
    expect(claimed).toEqual([
      expect.objectContaining({
        id: applied.outbound_id,
        sender: "bot",
        text: "Какой у вас бюджет?",
        reply_markup: [{ value: "low", label: "до 100 000 ₸" }],
        attempts: 1,
        external_chat_id: chat,
        provider: "telegram_bot",
        per_chat_interval_ms: 1000,
        per_second_limit: 30,
      }),
    ]);
    expect(await claimOutbound(db.sql, bot.id)).toEqual([]);

    const done = await complete(applied.outbound_id!, `${bot.external_id}:${chat}:2`);
    expect(done.status).toBe("sent");
    const again = await complete(applied.outbound_id!, `${bot.external_id}:${chat}:2`);
    expect(again).toMatchObject({ status: "already_sent", message_id: done.message_id });

    const messages = await db.sql`
      select sender, text, outbound_id, processed_at is not null as processed from public.messages
      where conversation_id = ${inbound.conversation_id} order by sent_at, created_at`;
    expect(messages).toEqual([
      { sender: "lead", text: "Сообщение 1", outbound_id: null, processed: true },
      { sender: "bot", text: "Какой у вас бюджет?", outbound_id: applied.outbound_id, processed: true },
    ]);
    const [lead] = await db.sql`
      select status, first_response_at is not null as answered from public.leads where id = ${inbound.lead_id}`;
    expect(lead).toEqual({ status: "contacted", answered: true });
    expect((await outbound(applied.outbound_id!)).message_id).toBe(done.message_id);
  });

  it("stores a sent message once even when the platform reports an id already stored", async () => {
    const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_chat_interval_ms: 0 });
    const conversation = await newChat(bot);
    const first = await queue(conversation, "Первое");
    await claimOutbound(db.sql, bot.id);
    await complete(first, "same-id");
    const second = await queue(conversation, "Второе");
    await claimOutbound(db.sql, bot.id);
    const result = await complete(second, "same-id");
    expect(result).toMatchObject({ status: "sent", message_id: null });
    expect((await outbound(second)).status).toBe("sent");
  });

  describe("rates", () => {
    it("sends a chat's replies in order, one per per_chat_interval_ms", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        per_chat_interval_ms: 1000,
      });
      const conversation = await newChat(bot);
      const first = await queue(conversation, "Первый");
      const second = await queue(conversation, "Второй");

      expect((await claimOutbound(db.sql, bot.id)).map((r) => r.id)).toEqual([first]);
      await complete(first);
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);
      // A second later (the interval is measured from the last send).
      await db.sql`update public.conversations set last_sent_at = now() - interval '1.1 seconds' where id = ${conversation}`;
      expect((await claimOutbound(db.sql, bot.id)).map((r) => r.id)).toEqual([second]);
    });

    it("never sends two replies to one chat at once, even without an interval", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_chat_interval_ms: 0 });
      const conversation = await newChat(bot);
      const first = await queue(conversation);
      const second = await queue(conversation);
      expect((await claimOutbound(db.sql, bot.id)).map((r) => r.id)).toEqual([first]);
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);
      await complete(first);
      expect((await claimOutbound(db.sql, bot.id)).map((r) => r.id)).toEqual([second]);
    });

    it("keeps a chat's later reply waiting while its earlier one waits to be retried", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_chat_interval_ms: 0 });
      const conversation = await newChat(bot);
      const first = await queue(conversation);
      await queue(conversation);
      await claimOutbound(db.sql, bot.id);
      await fail(first, "Bad Gateway");
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);
    });

    it("sends at most per_second_limit messages a second per channel", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        per_chat_interval_ms: 0,
        per_second_limit: 3,
      });
      for (let i = 0; i < 5; i++) await queue(await newChat(bot));

      const firstSecond = await claimOutbound(db.sql, bot.id, 10);
      expect(firstSecond).toHaveLength(3);
      expect(await claimOutbound(db.sql, bot.id, 10)).toEqual([]);
      for (const row of firstSecond) await complete(row.id);
      expect(await claimOutbound(db.sql, bot.id, 10)).toEqual([]);
      await db.sql`update public.outbound_messages set sent_at = now() - interval '1.1 seconds' where channel_id = ${bot.id}`;
      expect(await claimOutbound(db.sql, bot.id, 10)).toHaveLength(2);
    });

    it("claims for every channel when none is named, each within its own limit", async () => {
      const slow = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_second_limit: 1 });
      const fast = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_second_limit: 30 });
      for (let i = 0; i < 2; i++) {
        await queue(await newChat(slow));
        await queue(await newChat(fast));
      }
      const claimed = await claimOutbound(db.sql, null, 100);
      expect(claimed.filter((r) => r.channel_id === slow.id)).toHaveLength(1);
      expect(claimed.filter((r) => r.channel_id === fast.id)).toHaveLength(2);
    });

    it("sends nothing on a disabled channel", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
      await queue(await newChat(bot));
      await db.sql`update public.channels set status = 'disabled' where id = ${bot.id}`;
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);
    });
  });

  describe("failures", () => {
    let bot: Channel;
    beforeAll(async () => {
      bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, { per_chat_interval_ms: 0 });
    });

    it("retries after the provider's retry_after when it gives one", async () => {
      const id = await queue(await newChat(bot));
      await claimOutbound(db.sql, bot.id);
      expect(await fail(id, "Too Many Requests: retry after 120", 120)).toMatchObject({ status: "pending" });
      const row = await outbound(id);
      expect(row).toMatchObject({
        status: "pending",
        attempts: 1,
        last_error: "Too Many Requests: retry after 120",
      });
      expect(row.due_in).toBeGreaterThan(118);
      expect(row.due_in).toBeLessThanOrEqual(120);
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);
    });

    it("backs off exponentially (2^attempts seconds) unless the provider said how long to wait", async () => {
      const id = await queue(await newChat(bot));
      await claimOutbound(db.sql, bot.id);
      await fail(id, "timeout");
      expect((await outbound(id)).due_in).toBeGreaterThan(1);
      expect((await outbound(id)).due_in).toBeLessThanOrEqual(2);
      await db.sql`update public.outbound_messages set next_attempt_at = now() where id = ${id}`;
      expect((await claimOutbound(db.sql, bot.id)).map((r) => r.attempts)).toEqual([2]);
      await fail(id, "timeout");
      expect((await outbound(id)).due_in).toBeGreaterThan(3);
      expect((await outbound(id)).due_in).toBeLessThanOrEqual(4);
      await db.sql`update public.outbound_messages set next_attempt_at = now() where id = ${id}`;
      await claimOutbound(db.sql, bot.id);
      await fail(id, "Too Many Requests: retry after 1", 1);
      expect((await outbound(id)).due_in).toBeGreaterThan(0);
      expect((await outbound(id)).due_in).toBeLessThanOrEqual(1);
    });

    it("gives up after the 6th attempt and asks a human", async () => {
      const conversation = await newChat(bot);
      const id = await queue(conversation);
      await claimOutbound(db.sql, bot.id);
      await db.sql`update public.outbound_messages set attempts = 6 where id = ${id}`;
      expect(await fail(id, "x".repeat(800))).toMatchObject({ status: "failed" });
      const row = await outbound(id);
      expect(row.status).toBe("failed");
      expect(row.last_error).toHaveLength(500);
      expect(await needsHuman(conversation)).toBe("send_failed");
    });

    it("gives up at once on a permanent error", async () => {
      const conversation = await newChat(bot);
      const id = await queue(conversation);
      await claimOutbound(db.sql, bot.id);
      expect(await fail(id, "Forbidden: bot was blocked by the user", null, true)).toMatchObject({
        status: "failed",
      });
      expect(await needsHuman(conversation)).toBe("send_failed");
      expect(await fail(id, "late report")).toMatchObject({ status: "failed" });
    });

    it("turns a send whose lease ran out into uncertain, never claims it again, and accepts a late confirmation", async () => {
      const conversation = await newChat(bot);
      const id = await queue(conversation);
      await claimOutbound(db.sql, bot.id);
      const [before] = await db.sql<
        { expired: number }[]
      >`select private.expire_outbound_leases() as expired`;
      expect(before?.expired).toBe(0);
      await db.sql`update public.outbound_messages set locked_until = now() - interval '1 second' where id = ${id}`;
      const [after] = await db.sql<{ expired: number }[]>`select private.expire_outbound_leases() as expired`;
      expect(after?.expired).toBe(1);
      expect((await outbound(id)).status).toBe("uncertain");
      expect(await needsHuman(conversation)).toBe("send_uncertain");
      await db.sql`update public.conversations set last_sent_at = null where id = ${conversation}`;
      expect(await claimOutbound(db.sql, bot.id)).toEqual([]);

      expect(await complete(id)).toMatchObject({ status: "sent" });
      expect(await needsHuman(conversation)).toBeNull();
    });

    it("refuses to report on an unknown row", async () => {
      await expect(complete(randomUUID())).rejects.toMatchObject({
        code: "P0002",
        message: "unknown_outbound",
      });
      await expect(fail(randomUUID(), "x")).rejects.toMatchObject({
        code: "P0002",
        message: "unknown_outbound",
      });
    });
  });

  it("fails a WhatsApp Cloud API reply outside the 24-hour window and asks for a template", async () => {
    const cloud = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
      provider: "whatsapp_cloud",
      external_id: `phone-number-${randomUUID().slice(0, 8)}`,
      secrets: { access_token: "token", app_secret: "secret", verify_token: "verify" },
    });
    const waId = `7701${Math.floor(Math.random() * 1e7)}`;
    const inbound = await ingest(db.sql, {
      channel_id: cloud.id,
      platform_message_id: `wamid.${randomUUID()}`,
      chat_id: waId,
      identity: { kind: "whatsapp", value: waId },
      text: "Здравствуйте",
      sent_at: new Date(Date.now() - 25 * 3600 * 1000).toISOString(),
    });
    const id = await queue(inbound.conversation_id);
    expect(await claimOutbound(db.sql, cloud.id)).toEqual([]);
    expect(await outbound(id)).toMatchObject({ status: "failed", last_error: "outside_24h_window" });
    expect(await needsHuman(inbound.conversation_id)).toBe("template_required");
  });

  it("flags a conversation for a human, and refuses an unknown one", async () => {
    const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
    const conversation = await newChat(bot);
    await db.sql`select private.flag_conversation(${conversation}, 'template_required')`;
    expect(await needsHuman(conversation)).toBe("template_required");
    await expect(
      db.sql`select private.flag_conversation(${randomUUID()}, 'send_failed')`,
    ).rejects.toMatchObject({
      code: "P0002",
    });
    await expect(db.sql`select private.flag_conversation(${conversation}, 'bored')`).rejects.toMatchObject({
      code: "23514",
    });
  });

  it("lists captured messages qualification has not handled for the sweep, oldest first", async () => {
    const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
    const chat = `${Date.now()}sweep`;
    const older = await ingest(db.sql, telegramMessage(bot, chat, 1));
    const newer = await ingest(db.sql, telegramMessage(bot, chat, 2));
    const fresh = await ingest(db.sql, telegramMessage(bot, chat, 3));
    await db.sql`update public.messages set created_at = now() - interval '2 minutes' where id = ${older.message_id}`;
    await db.sql`update public.messages set created_at = now() - interval '1 minute' where id = ${newer.message_id}`;
    const listed = async () =>
      (
        await db.sql<{ id: string }[]>`select id from private.unprocessed_inbound('30 seconds', 100) as id`
      ).map((r) => r.id);
    const before = await listed();
    expect(before.filter((id) => [older, newer, fresh].some((m) => m.message_id === id))).toEqual([
      older.message_id,
      newer.message_id,
    ]);
    expect(before).not.toContain(f.messageA); // a chat no channel captured
    await applyQualification(db.sql, { message_id: older.message_id, outcome: "in_progress", reply: null });
    expect(await listed()).not.toContain(older.message_id);
  });

  describe("concurrent senders", () => {
    let pools: postgres.Sql[];
    beforeAll(() => {
      pools = [
        postgres(db.url, { max: 2, onnotice: () => {} }),
        postgres(db.url, { max: 2, onnotice: () => {} }),
      ];
      return async () => {
        for (const pool of pools) await pool.end({ timeout: 1 });
      };
    });

    it("never hands one row to two claimers", async () => {
      const bot = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        per_chat_interval_ms: 0,
        per_second_limit: 1000,
      });
      const queued = new Set<string>();
      for (let i = 0; i < 30; i++) queued.add(await queue(await newChat(bot)));

      const claimedBy = async (pool: postgres.Sql, channelId: string | null): Promise<string[]> => {
        const ids: string[] = [];
        for (;;) {
          const rows = await claimOutbound(pool, channelId, 3);
          const ours = rows.filter((r) => r.channel_id === bot.id);
          ids.push(...ours.map((r) => r.id));
          if (rows.length === 0) return ids;
        }
      };
      const [a, b, c] = await Promise.all([
        claimedBy(pools[0]!, bot.id),
        claimedBy(pools[1]!, bot.id),
        claimedBy(pools[1]!, null),
      ]);
      const all = [...a, ...b, ...c];
      expect(all).toHaveLength(30);
      expect(new Set(all)).toEqual(queued);
    });
  });
});
