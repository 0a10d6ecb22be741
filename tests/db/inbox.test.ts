import { randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Actor, actAs, asActorRolledBack, asUser } from "./support/actAs.ts";
import {
  applyQualification,
  type Channel,
  connectChannel,
  type IngestResult,
  ingest,
  telegramMessage,
  uniqueTag,
} from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

describe("inbox RPCs", () => {
  let db: TestDatabase;
  let f: Fixture;
  let bot: Channel;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });
  beforeAll(async () => {
    bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
  });

  const anon: Actor = { role: "anon" };
  let chatNumber = 0;
  async function newLead(channel: Channel = bot, extra: Parameters<typeof telegramMessage>[3] = {}) {
    chatNumber += 1;
    return ingest(db.sql, telegramMessage(channel, `${Date.now()}${chatNumber}`, 1, extra));
  }

  describe("search_leads", () => {
    interface Found {
      id: string;
      name: string;
      campaign_name: string | null;
      response_seconds: number | null;
      needs_human: string | null;
      bot_paused: boolean;
      total_count: string;
    }
    const search = (userId: string, args: Record<string, string | number>) =>
      asActorRolledBack(db.sql, asUser(userId), (tx) => {
        const entries = Object.entries(args);
        const params = entries.map(([, value]) => value);
        const named = entries.map(([name], i) => `${name} => $${i + 2}`).join(", ");
        return tx.unsafe<Found[]>(`select * from public.search_leads($1${named ? `, ${named}` : ""})`, [
          f.workspaceA,
          ...params,
        ]);
      });

    let tag: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      tag = uniqueTag();
      const insert = async (key: string, values: Record<string, unknown>) => {
        const [row] = await db.sql<{ id: string }[]>`
          insert into public.leads ${db.sql({ workspace_id: f.workspaceA, source_platform: "telegram", ...values })}
          returning id`;
        ids[key] = row!.id;
      };
      await insert("aliya", {
        name: `Әлия Нұрланқызы ${tag}`,
        phone: "+77059876543",
        language: "kk",
        status: "qualified",
        score: 82,
        campaign_id: f.campaignA,
        first_contact_at: new Date("2026-03-01T10:00:00Z"),
        first_response_at: new Date("2026-03-01T10:00:42Z"),
        created_at: new Date(Date.now() - 3000),
      });
      await insert("alyona", {
        name: `Алёна Петрова ${tag}`,
        phone: "+77051112233",
        language: "ru",
        status: "new",
        score: 15,
        source_platform: "whatsapp",
        created_at: new Date(Date.now() - 2000),
      });
      await insert("john", {
        name: `John ${tag}`,
        language: "en",
        status: "disqualified",
        score: 40,
        created_at: new Date(Date.now() - 1000),
      });
      await db.sql`insert into public.conversations (workspace_id, lead_id, platform, external_chat_id, bot_paused, needs_human, last_message_at)
        values (${f.workspaceA}, ${ids.aliya!}, 'telegram', ${`search-${tag}`}, true, 'send_failed', now())`;
    });

    it("finds a name whatever its case, Kazakh and Russian letters included, and ё as е", async () => {
      const names = async (query: string) =>
        (await search(f.users.viewer, { p_query: query })).map((r) => r.id);
      expect(await names("әлия")).toEqual([ids.aliya]);
      expect(await names("НҰРЛАНҚЫЗЫ")).toEqual([ids.aliya]);
      expect(await names(`алена петрова ${tag}`)).toEqual([ids.alyona]);
      expect(await names(`АЛЁНА`)).toContain(ids.alyona);
      expect(await names(`john ${tag.toUpperCase()}`)).toEqual([ids.john]);
      expect(await names("100%_")).toEqual([]);
    });

    it("finds a phone by its digits, in local (8 …) or international (+7 …) form", async () => {
      for (const query of ["8 705 987 65 43", "87059876543", "+7705987", "7 (705) 987-65-43", "987 65 43"]) {
        const found = (await search(f.users.viewer, { p_query: query })).map((r) => r.id);
        expect(found, query).toEqual([ids.aliya]);
      }
      expect(await search(f.users.viewer, { p_query: "8 705 000 00 00" })).toEqual([]);
    });

    it("filters by status, source, score, language and campaign, newest first, with the total for paging", async () => {
      const found = async (args: Record<string, string | number>) =>
        (await search(f.users.viewer, { p_query: tag, ...args })).map((r) => r.id);
      expect(await found({})).toEqual([ids.john, ids.alyona, ids.aliya]);
      expect(await found({ p_statuses: "{qualified,new}" })).toEqual([ids.alyona, ids.aliya]);
      expect(await found({ p_sources: "{whatsapp}" })).toEqual([ids.alyona]);
      expect(await found({ p_score_min: 30, p_score_max: 50 })).toEqual([ids.john]);
      expect(await found({ p_language: "kk" })).toEqual([ids.aliya]);
      expect(await found({ p_campaign_id: f.campaignA })).toEqual([ids.aliya]);
      const page = await search(f.users.viewer, { p_query: tag, p_limit: 1, p_offset: 1 });
      expect(page.map((r) => [r.id, Number(r.total_count)])).toEqual([[ids.alyona, 3]]);
    });

    it("tells the campaign, the response time and whether a human is needed", async () => {
      const [aliya] = await search(f.users.viewer, { p_query: "әлия" });
      expect(aliya).toMatchObject({
        campaign_name: "AC on OLX",
        response_seconds: 42,
        needs_human: "send_failed",
        bot_paused: true,
      });
    });

    it("shows strangers nothing, refuses anon and a limit out of range", async () => {
      expect(await search(f.users.outsider, { p_query: tag })).toEqual([]);
      expect(
        await actAs(db.sql, anon, (tx) => tx`select * from public.search_leads(${f.workspaceA})`),
      ).toMatchObject({ kind: "error", code: "42501" });
      expect(
        await actAs(
          db.sql,
          asUser(f.users.viewer),
          (tx) => tx`select * from public.search_leads(${f.workspaceA}, p_limit => 0)`,
        ),
      ).toMatchObject({ kind: "error", code: "22023" });
    });
  });

  describe("take_over_lead and hand_back_lead", () => {
    let lead: IngestResult;
    beforeAll(async () => {
      lead = await newLead();
      await db.sql`update public.conversations set needs_human = 'send_failed' where id = ${lead.conversation_id}`;
    });

    it("pauses the bot for the operator who takes over, once, and resumes it when they hand back", async () => {
      const result = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        await tx`select public.take_over_lead(${lead.lead_id})`;
        await tx`select public.take_over_lead(${lead.lead_id})`;
        const [taken] =
          await tx`select bot_paused, taken_over_by, taken_over_at is not null as stamped, needs_human
          from public.conversations where id = ${lead.conversation_id}`;
        await tx`select public.hand_back_lead(${lead.lead_id})`;
        const [handed] = await tx`select bot_paused, taken_over_by, taken_over_at, needs_human
          from public.conversations where id = ${lead.conversation_id}`;
        const events = await tx`select action, actor_kind, actor_user_id, details from public.events
          where entity_id = ${lead.lead_id} and action in ('taken_over', 'handed_back') order by id`;
        return { taken, handed, events };
      });
      expect(result.taken).toEqual({
        bot_paused: true,
        taken_over_by: f.users.operator,
        stamped: true,
        needs_human: "send_failed",
      });
      expect(result.handed).toEqual({
        bot_paused: false,
        taken_over_by: null,
        taken_over_at: null,
        needs_human: null,
      });
      const conversations = { conversation_ids: [lead.conversation_id] };
      expect(result.events).toEqual([
        { action: "taken_over", actor_kind: "user", actor_user_id: f.users.operator, details: conversations },
        {
          action: "handed_back",
          actor_kind: "user",
          actor_user_id: f.users.operator,
          details: conversations,
        },
      ]);
    });

    it("refuses a viewer (42501), a stranger (P0002) and anon", async () => {
      for (const rpc of ["take_over_lead", "hand_back_lead"]) {
        const call = (tx: TransactionSql) => tx.unsafe(`select public.${rpc}($1)`, [lead.lead_id]);
        expect(await actAs(db.sql, asUser(f.users.viewer), call)).toMatchObject({
          kind: "error",
          code: "42501",
          message: "operator_role_required",
        });
        expect(await actAs(db.sql, asUser(f.users.outsider), call)).toMatchObject({
          kind: "error",
          code: "P0002",
          message: "lead_not_found",
        });
        expect(await actAs(db.sql, anon, call)).toMatchObject({ kind: "error", code: "42501" });
      }
    });
  });

  describe("send_operator_reply", () => {
    const reply = (leadId: string, text: string, key: string) => (tx: TransactionSql) =>
      tx<{ id: string }[]>`select public.send_operator_reply(${leadId}, ${text}, ${key}) as id`;

    it("queues the reply as the operator's, takes the lead over, and returns the same row for the same key", async () => {
      const lead = await newLead();
      const result = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        const [first] = await reply(lead.lead_id, "  Здравствуйте, это менеджер.  ", "k1")(tx);
        const [again] = await reply(lead.lead_id, "Здравствуйте, это менеджер.", "k1")(tx);
        const rows = await tx`select sender, sender_user_id, text, idempotency_key, status, channel_id
          from public.outbound_messages where lead_id = ${lead.lead_id}`;
        const [conversation] = await tx`select bot_paused, taken_over_by from public.conversations
          where id = ${lead.conversation_id}`;
        return { first: first?.id, again: again?.id, rows, conversation };
      });
      expect(result.again).toBe(result.first);
      expect(result.rows).toEqual([
        {
          sender: "human",
          sender_user_id: f.users.operator,
          text: "Здравствуйте, это менеджер.",
          idempotency_key: "operator:k1",
          status: "pending",
          channel_id: bot.id,
        },
      ]);
      expect(result.conversation).toEqual({ bot_paused: true, taken_over_by: f.users.operator });
    });

    it("wakes the sender once the reply is committed", async () => {
      const lead = await newLead();
      const notices: string[] = [];
      const listener = await db.sql.listen("arqan_functions", (payload) => notices.push(payload));
      try {
        const id = await db.sql.begin(async (tx) => {
          await tx`set local role authenticated`;
          await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: f.users.operator, role: "authenticated" })}, true)`;
          const [row] = await reply(lead.lead_id, "Перезвоню через 5 минут", randomUUID())(tx);
          return row!.id;
        });
        await expect.poll(() => notices.length).toBeGreaterThan(0);
        expect(notices.map((n) => JSON.parse(n))).toContainEqual({
          name: "messaging-sweep",
          body: { reason: "operator_reply", channel_id: bot.id, outbound_id: id },
        });
      } finally {
        await listener.unlisten();
      }
    });

    it("refuses a viewer, a stranger, anon, an empty or too long text and a lead with no channel", async () => {
      const lead = await newLead();
      const key = randomUUID();
      expect(await actAs(db.sql, asUser(f.users.viewer), reply(lead.lead_id, "Привет", key))).toMatchObject({
        kind: "error",
        code: "42501",
      });
      expect(await actAs(db.sql, asUser(f.users.outsider), reply(lead.lead_id, "Привет", key))).toMatchObject(
        {
          kind: "error",
          code: "P0002",
          message: "lead_not_found",
        },
      );
      expect(await actAs(db.sql, anon, reply(lead.lead_id, "Привет", key))).toMatchObject({
        kind: "error",
        code: "42501",
      });
      for (const text of ["   ", "я".repeat(4097)]) {
        expect(await actAs(db.sql, asUser(f.users.operator), reply(lead.lead_id, text, key))).toMatchObject({
          kind: "error",
          code: "22023",
          message: "invalid_text",
        });
      }
      // The seeded lead's chat was never captured by a channel.
      expect(await actAs(db.sql, asUser(f.users.owner), reply(f.leadA, "Привет", key))).toMatchObject({
        kind: "error",
        code: "P0002",
        message: "no_channel",
      });
    });

    it("refuses a WhatsApp Cloud API reply 24 hours after the lead last wrote, and sends within them", async () => {
      const cloud = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        provider: "whatsapp_cloud",
        external_id: `pnid-${uniqueTag()}`,
      });
      const waId = `7707${Math.floor(Math.random() * 1e7)}`;
      const lead = await ingest(db.sql, {
        channel_id: cloud.id,
        platform_message_id: `wamid.${randomUUID()}`,
        chat_id: waId,
        identity: { kind: "whatsapp", value: waId },
        text: "Добрый день",
        sent_at: new Date(Date.now() - 23 * 3600 * 1000).toISOString(),
      });
      expect(
        await actAs(db.sql, asUser(f.users.operator), reply(lead.lead_id, "Здравствуйте", randomUUID())),
      ).toEqual({
        kind: "rows",
        count: 1,
      });
      await db.sql`update public.conversations set last_inbound_at = now() - interval '25 hours'
        where id = ${lead.conversation_id}`;
      expect(
        await actAs(db.sql, asUser(f.users.operator), reply(lead.lead_id, "Здравствуйте", randomUUID())),
      ).toMatchObject({
        kind: "error",
        code: "P0001",
        message: "outside_24h_window",
      });
    });
  });

  describe("override_lead_status", () => {
    const override = (leadId: string, status: string, reason: string | null) => (tx: TransactionSql) =>
      tx`select public.override_lead_status(${leadId}, ${status}, ${reason})`;

    it("sets the status, keeps the override with who, when, why and the score, and the bot respects it", async () => {
      const lead = await newLead();
      await db.sql`update public.leads set score = 30 where id = ${lead.lead_id}`;
      const result = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        await override(lead.lead_id, "qualified", " Клиент подтвердил бюджет по телефону ")(tx);
        const [row] = await tx`select status, qualification -> 'override' as override from public.leads
          where id = ${lead.lead_id}`;
        const events = await tx`select action, actor_kind, actor_user_id, from_status, to_status, details
          from public.events where entity_id = ${lead.lead_id} and action in ('status_overridden', 'status_changed')
          order by id`;
        return { row, events };
      });
      expect(result.row).toEqual({
        status: "qualified",
        override: {
          by: f.users.operator,
          at: expect.any(String),
          from: "new",
          to: "qualified",
          reason: "Клиент подтвердил бюджет по телефону",
          score: 30,
        },
      });
      expect(result.events).toEqual([
        {
          action: "status_changed",
          actor_kind: "user",
          actor_user_id: f.users.operator,
          from_status: "new",
          to_status: "qualified",
          details: {},
        },
        {
          action: "status_overridden",
          actor_kind: "user",
          actor_user_id: f.users.operator,
          from_status: "new",
          to_status: "qualified",
          details: { reason: "Клиент подтвердил бюджет по телефону", from: "new", to: "qualified" },
        },
      ]);

      // Committed this time, then the bot judges the lead's message otherwise.
      await db.sql.begin(async (tx) => {
        await tx`set local role authenticated`;
        await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: f.users.operator })}, true)`;
        await override(lead.lead_id, "qualified", "Подтвердил")(tx);
      });
      await applyQualification(db.sql, { message_id: lead.message_id, outcome: "disqualified" });
      const [after] = await db.sql`select status from public.leads where id = ${lead.lead_id}`;
      expect(after?.status).toBe("qualified");
    });

    it("refuses a viewer, a stranger, an unknown status, a missing reason and a lead already handed off", async () => {
      const lead = await newLead();
      const operator = asUser(f.users.operator);
      expect(
        await actAs(db.sql, asUser(f.users.viewer), override(lead.lead_id, "qualified", "x")),
      ).toMatchObject({
        kind: "error",
        code: "42501",
      });
      expect(
        await actAs(db.sql, asUser(f.users.outsider), override(lead.lead_id, "qualified", "x")),
      ).toMatchObject({
        kind: "error",
        code: "P0002",
      });
      expect(await actAs(db.sql, operator, override(lead.lead_id, "handed_off", "x"))).toMatchObject({
        kind: "error",
        code: "22023",
        message: "invalid_status",
      });
      for (const reason of [null, "  ", "я".repeat(501)]) {
        expect(await actAs(db.sql, operator, override(lead.lead_id, "disqualified", reason))).toMatchObject({
          kind: "error",
          code: "22023",
          message: "invalid_reason",
        });
      }
      expect(await actAs(db.sql, operator, override(f.leadA, "qualified", "x"))).toMatchObject({
        kind: "error",
        code: "55000",
        message: "lead_closed",
      });
    });
  });
});
