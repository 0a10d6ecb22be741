import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import {
  applyQualification,
  type Channel,
  connectChannel,
  type IngestResult,
  ingest,
  telegramMessage,
} from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

interface Context {
  message: { id: string; text: string | null; sender: string; processed_at: string | null };
  conversation: { id: string; state: Record<string, unknown>; bot_paused: boolean; channel_id: string };
  lead: { id: string; status: string; campaign_id: string | null };
  channel: { id: string; provider: string } | null;
  script: { name?: string; questions: unknown[] } | null;
}

describe("qualification", () => {
  let db: TestDatabase;
  let f: Fixture;
  let bot: Channel;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });
  beforeAll(async () => {
    bot = await connectChannel(db.sql, f.users.operator, f.workspaceA);
  });

  let chatNumber = 0;
  async function newLead(channel: Channel = bot, extra: Parameters<typeof telegramMessage>[3] = {}) {
    chatNumber += 1;
    return ingest(db.sql, telegramMessage(channel, `${Date.now()}${chatNumber}`, 1, extra));
  }

  async function loadContext(messageId: string): Promise<Context> {
    const [row] = await db.sql<{ context: Context }[]>`
      select private.load_qualification_context(${messageId}) as context`;
    return row!.context;
  }

  async function leadOf(inbound: IngestResult) {
    const [row] = await db.sql<
      {
        status: string;
        score: number | null;
        language: string | null;
        qualification: Record<string, unknown>;
      }[]
    >`select status, score, language, qualification from public.leads where id = ${inbound.lead_id}`;
    return row!;
  }

  async function outboundCount(inbound: IngestResult): Promise<number> {
    const [row] = await db.sql<{ count: number }[]>`
      select count(*)::int as count from public.outbound_messages where conversation_id = ${inbound.conversation_id}`;
    return row!.count;
  }

  describe("load_qualification_context", () => {
    it("returns the message, its conversation, lead and channel", async () => {
      const inbound = await newLead();
      const context = await loadContext(inbound.message_id);
      expect(context).toMatchObject({
        message: { id: inbound.message_id, text: "Сообщение 1", sender: "lead", processed_at: null },
        conversation: { id: inbound.conversation_id, state: {}, bot_paused: false, channel_id: bot.id },
        lead: { id: inbound.lead_id, status: "new" },
        channel: { id: bot.id, provider: "telegram_bot" },
        script: null,
      });
    });

    it("picks the campaign's niche's script, else the channel's niche's, else the workspace default", async () => {
      const script = (name: string) => ({ name, questions: [] });
      const nicheChannel = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        niche_id: f.nicheA2,
      });
      const noCampaign = await newLead(nicheChannel);
      const [{ id: withCampaign } = { id: "" }] = await db.sql<{ id: string }[]>`
        update public.leads set campaign_id = ${f.campaignA} where id = ${(await newLead(nicheChannel)).lead_id}
        returning id`;
      const [withCampaignMessage] = await db.sql<{ id: string }[]>`
        select id from public.messages where lead_id = ${withCampaign}`;

      expect((await loadContext(noCampaign.message_id)).script).toBeNull();
      await db.sql`insert into public.qualification_scripts (workspace_id, niche_id, name, script)
        values (${f.workspaceA}, null, 'Default', ${db.sql.json(script("default"))})`;
      expect((await loadContext(noCampaign.message_id)).script).toEqual(script("default"));
      await db.sql`insert into public.qualification_scripts (workspace_id, niche_id, name, script)
        values (${f.workspaceA}, ${f.nicheA2}, 'Ceilings', ${db.sql.json(script("channel niche"))})`;
      expect((await loadContext(noCampaign.message_id)).script).toEqual(script("channel niche"));
      expect((await loadContext(withCampaignMessage!.id)).script).toEqual(script("channel niche"));
      await db.sql`insert into public.qualification_scripts (workspace_id, niche_id, name, script)
        values (${f.workspaceA}, ${f.nicheA}, 'Air conditioners', ${db.sql.json(script("campaign niche"))})`;
      expect((await loadContext(withCampaignMessage!.id)).script).toEqual(script("campaign niche"));
      await db.sql`delete from public.qualification_scripts where workspace_id = ${f.workspaceA}`;
    });

    it("holds the conversation until the caller's transaction ends: a second worker waits", async () => {
      const inbound = await newLead();
      const other = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        await db.sql.begin(async (tx) => {
          await tx`select private.load_qualification_context(${inbound.message_id})`;
          const waiting = other.begin(async (tx2) => {
            await tx2`set local lock_timeout = '200ms'`;
            await tx2`select private.load_qualification_context(${inbound.message_id})`;
          });
          await expect(waiting).rejects.toMatchObject({ code: "55P03" });
        });
      } finally {
        await other.end({ timeout: 1 });
      }
    });

    it("lets a lead's next message in while its previous one is being qualified, without a deadlock", async () => {
      const first = await newLead();
      const [chat] = await db.sql<{ external_chat_id: string }[]>`
        select external_chat_id from public.conversations where id = ${first.conversation_id}`;
      const webhook = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        let next: Promise<IngestResult> | null = null;
        await db.sql.begin(async (tx) => {
          await tx`select private.load_qualification_context(${first.message_id})`;
          next = ingest(webhook, telegramMessage(bot, chat!.external_chat_id, 2));
          // Give the webhook time to reach the conversation the worker holds.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx`select private.apply_qualification(${JSON.stringify({
            message_id: first.message_id,
            outcome: "in_progress",
            lead: { name: "Айгерим", score: 10 },
            reply: { text: "Какой у вас бюджет?" },
          })}::text::jsonb)`;
        });
        await expect(next).resolves.toMatchObject({ status: "stored", lead_id: first.lead_id });
      } finally {
        await webhook.end({ timeout: 1 });
      }
    });

    it("returns null for an unknown message", async () => {
      const [row] = await db.sql`
        select private.load_qualification_context('00000000-0000-4000-8000-000000000000') as context`;
      expect(row?.context).toBeNull();
    });
  });

  describe("apply_qualification", () => {
    it("stores state, scores the lead, marks the message processed and queues the reply once", async () => {
      const inbound = await newLead();
      const applied = await applyQualification(db.sql, {
        message_id: inbound.message_id,
        outcome: "in_progress",
        state: { asked: { budget: 1 } },
        language: "kk",
        intent: "price",
        sentiment: "neutral",
        lead: {
          language: "kk",
          phone: "+77017778899",
          score: 35,
          qualification: { fields: { city: "Алматы" }, outcome: "in_progress", summary: "Алматы" },
        },
        reply: { text: "Бюджетіңіз қандай?", options: [{ value: "a", label: "100 000 ₸ дейін" }] },
      });
      expect(applied).toMatchObject({ status: "applied", lead_status: "contacted" });
      expect(applied.outbound_id).toEqual(expect.any(String));

      const [conversation] =
        await db.sql`select state from public.conversations where id = ${inbound.conversation_id}`;
      expect(conversation?.state).toEqual({ asked: { budget: 1 } });
      const [message] = await db.sql`
        select language, intent, sentiment, processed_at is not null as processed from public.messages
        where id = ${inbound.message_id}`;
      expect(message).toEqual({ language: "kk", intent: "price", sentiment: "neutral", processed: true });
      expect(await leadOf(inbound)).toEqual({
        status: "contacted",
        score: 35,
        language: "kk",
        qualification: { fields: { city: "Алматы" }, outcome: "in_progress", summary: "Алматы" },
      });
      const [outbound] = await db.sql`
        select sender, text, reply_markup, idempotency_key, status from public.outbound_messages
        where id = ${applied.outbound_id}`;
      expect(outbound).toEqual({
        sender: "bot",
        text: "Бюджетіңіз қандай?",
        reply_markup: [{ value: "a", label: "100 000 ₸ дейін" }],
        idempotency_key: `reply:${inbound.message_id}`,
        status: "pending",
      });
      const [phone] = await db.sql`
        select lead_id from public.lead_identities where kind = 'phone' and value = '+77017778899'`;
      expect(phone?.lead_id).toBe(inbound.lead_id);

      const again = await applyQualification(db.sql, {
        message_id: inbound.message_id,
        outcome: "qualified",
        state: { overwritten: true },
        lead: { score: 99 },
      });
      expect(again).toEqual({ status: "already_processed", outbound_id: null });
      expect(await outboundCount(inbound)).toBe(1);
      expect((await leadOf(inbound)).score).toBe(35);
    });

    it("moves the lead to qualified or disqualified as the outcome says", async () => {
      const inbound = await newLead();
      await applyQualification(db.sql, { message_id: inbound.message_id, outcome: "qualified" });
      expect((await leadOf(inbound)).status).toBe("qualified");
      const second = await ingest(db.sql, { ...telegramMessage(bot, "x", 2), ...(await chatOf(inbound)) });
      await applyQualification(db.sql, { message_id: second.message_id, outcome: "disqualified" });
      expect((await leadOf(inbound)).status).toBe("disqualified");
    });

    /** The fields that make a message part of the inbound's chat. */
    async function chatOf(inbound: IngestResult) {
      const [row] = await db.sql<{ external_chat_id: string }[]>`
        select external_chat_id from public.conversations where id = ${inbound.conversation_id}`;
      const chat = row!.external_chat_id;
      return {
        chat_id: chat,
        identity: { kind: "telegram", value: chat },
        platform_message_id: `${bot.external_id}:${chat}:${Date.now()}`,
      };
    }

    it("never changes the status an operator overrode, and keeps the override", async () => {
      const inbound = await newLead();
      const override = { by: f.users.operator, to: "qualified", reason: "Звонил сам" };
      await db.sql`update public.leads set status = 'qualified', qualification = ${db.sql.json({ override })}
        where id = ${inbound.lead_id}`;
      await applyQualification(db.sql, {
        message_id: inbound.message_id,
        outcome: "disqualified",
        lead: { score: 5, qualification: { fields: {}, outcome: "disqualified", override: null } },
      });
      const lead = await leadOf(inbound);
      expect(lead.status).toBe("qualified");
      expect(lead.score).toBe(5);
      expect(lead.qualification).toEqual({ fields: {}, outcome: "disqualified", override });
    });

    it("never changes the status of a lead handed off or closed", async () => {
      const inbound = await newLead();
      await db.sql`update public.leads set status = 'handed_off', client_id = ${f.clientA1} where id = ${inbound.lead_id}`;
      await applyQualification(db.sql, { message_id: inbound.message_id, outcome: "disqualified" });
      expect((await leadOf(inbound)).status).toBe("handed_off");
    });

    it("queues nothing while an operator has the conversation, but still records what was learnt", async () => {
      const inbound = await newLead();
      await db.sql`update public.conversations set bot_paused = true where id = ${inbound.conversation_id}`;
      const applied = await applyQualification(db.sql, {
        message_id: inbound.message_id,
        outcome: "in_progress",
        lead: { score: 20 },
      });
      expect(applied).toMatchObject({ status: "applied", outbound_id: null, lead_status: "new" });
      expect(await outboundCount(inbound)).toBe(0);
      expect((await leadOf(inbound)).score).toBe(20);
    });

    it("queues nothing without a reply, and a new lead stays new", async () => {
      const inbound = await newLead();
      const applied = await applyQualification(db.sql, {
        message_id: inbound.message_id,
        outcome: "in_progress",
        reply: null,
      });
      expect(applied).toMatchObject({ outbound_id: null, lead_status: "new" });
      expect(await outboundCount(inbound)).toBe(0);
    });

    it("refuses an unknown outcome and an unknown message", async () => {
      const inbound = await newLead();
      await expect(
        db.sql`select private.apply_qualification(${JSON.stringify({ message_id: inbound.message_id, outcome: "maybe" })}::text::jsonb)`,
      ).rejects.toMatchObject({ code: "22023", message: "invalid_outcome" });
      await expect(
        applyQualification(db.sql, {
          message_id: "00000000-0000-4000-8000-000000000000",
          outcome: "in_progress",
        }),
      ).rejects.toMatchObject({ code: "P0002", message: "unknown_message" });
    });
  });
});
