import postgres, { type TransactionSql } from "postgres";
import { describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { asActorRolledBack, asUser } from "./support/actAs.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

class Rollback extends Error {}

describe("data model", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  /** Runs `work` as the superuser in a transaction that is rolled back; returns its value. */
  async function rolledBack<T>(work: (tx: TransactionSql) => Promise<T>): Promise<T> {
    const answers: T[] = [];
    await db.sql
      .begin(async (tx) => {
        answers.push(await work(tx));
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return answers[0]!;
  }

  /** The SQLSTATE and constraint name of what `work` raised (rolled back), or null if it succeeded. */
  async function rejection(
    work: (tx: TransactionSql) => Promise<unknown>,
  ): Promise<{ code: string; constraint: string | undefined } | null> {
    try {
      await rolledBack(work);
      return null;
    } catch (error) {
      if (!(error instanceof postgres.PostgresError)) throw error;
      return { code: error.code, constraint: error.constraint_name };
    }
  }

  describe("constraints", () => {
    it.each([
      [
        "a phone that is not E.164",
        "leads_phone_e164",
        (tx: TransactionSql) => tx`update public.leads set phone = '87011234567' where id = ${f.leadA}`,
      ],
      [
        "a negative budget",
        "campaigns_budget_non_negative",
        (tx: TransactionSql) => tx`update public.campaigns set budget_kzt = -1 where id = ${f.campaignA}`,
      ],
      [
        "a score of 101",
        "leads_score_percent",
        (tx: TransactionSql) => tx`update public.leads set score = 101 where id = ${f.leadA}`,
      ],
      [
        "a handed-off lead without a client",
        "leads_handed_off_has_client",
        (tx: TransactionSql) =>
          tx`insert into public.leads (workspace_id, source_platform, status) values (${f.workspaceA}, 'olx', 'handed_off')`,
      ],
      [
        "a campaign that ends before it starts",
        "campaigns_ends_after_start",
        (tx: TransactionSql) =>
          tx`update public.campaigns set starts_at = '2026-03-10', ends_at = '2026-03-09' where id = ${f.campaignA}`,
      ],
      [
        "an unknown lead language",
        "leads_language_known",
        (tx: TransactionSql) => tx`update public.leads set language = 'de' where id = ${f.leadA}`,
      ],
      [
        "seasonality for month 13",
        "niches_seasonality_by_month",
        (tx: TransactionSql) =>
          tx`update public.niches set seasonality = '{"13": 1.2}' where id = ${f.nicheA}`,
      ],
      [
        "a negative seasonality index",
        "niches_seasonality_by_month",
        (tx: TransactionSql) => tx`update public.niches set seasonality = '{"6": -1}' where id = ${f.nicheA}`,
      ],
      [
        "a negative ad view counter",
        "ads_counters_non_negative",
        (tx: TransactionSql) => tx`update public.ads set views = -1 where id = ${f.adA}`,
      ],
      [
        "a client phone that is not E.164",
        "clients_contact_phone_e164",
        (tx: TransactionSql) =>
          tx`update public.clients set contact_phone = '+7 701 222 33 44' where id = ${f.clientA1}`,
      ],
      [
        "an upper-case workspace slug",
        "workspaces_slug_format",
        (tx: TransactionSql) => tx`update public.workspaces set slug = 'Demo' where id = ${f.workspaceA}`,
      ],
    ])("rejects %s (%s)", async (_what, constraint, statement) => {
      expect(await rejection(statement)).toEqual({ code: "23514", constraint });
    });

    it("accepts what the rules allow: overspend, a null score, month-indexed seasonality", async () => {
      expect(
        await rejection(async (tx) => {
          await tx`update public.campaigns set spent_kzt = budget_kzt + 1 where id = ${f.campaignA}`;
          await tx`update public.leads set score = null where id = ${f.leadA}`;
          await tx`update public.niches set seasonality = '{"1": 0.4, "12": 1.8}' where id = ${f.nicheA}`;
        }),
      ).toBeNull();
    });

    it("keeps a client that leads were handed to", async () => {
      expect(await rejection((tx) => tx`delete from public.clients where id = ${f.clientA1}`)).toEqual({
        code: "23503",
        constraint: "leads_client_fkey",
      });
    });
  });

  describe("deleting", () => {
    it("keeps a niche that has campaigns, and unlinks a deleted campaign's leads", async () => {
      expect(await rejection((tx) => tx`delete from public.niches where id = ${f.nicheA}`)).toEqual({
        code: "23503",
        constraint: "campaigns_niche_fkey",
      });
      const lead = await rolledBack(async (tx) => {
        await tx`delete from public.campaigns where id = ${f.campaignA}`;
        return tx`select campaign_id, status from public.leads where id = ${f.leadA}`;
      });
      expect(lead).toEqual([{ campaign_id: null, status: "handed_off" }]);
    });

    it("lets a workspace lose its only owner when the owner's account is deleted", async () => {
      const members = await rolledBack(async (tx) => {
        await tx`delete from auth.users where id = ${f.users.outsider}`;
        return tx`select user_id from public.workspace_members where workspace_id = ${f.workspaceB}`;
      });
      expect(members).toEqual([]);
    });
  });

  it("states the rule of every table and function in a comment", async () => {
    const silent = await db.sql<{ name: string }[]>`
      select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private') and c.relkind = 'r' and obj_description(c.oid, 'pg_class') is null
      union all
      select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and obj_description(p.oid, 'pg_proc') is null`;
    expect(silent).toEqual([]);
  });

  it("stamps updated_at on every update", async () => {
    const row = await rolledBack(async (tx) => {
      await tx`update public.niches set updated_at = '2020-01-01', created_at = '2020-01-01' where id = ${f.nicheA}`;
      const [updated] = await tx<{ stamped: boolean; created: Date }[]>`
        update public.niches set city = 'Shymkent' where id = ${f.nicheA}
        returning updated_at = now() as stamped, created_at as created`;
      return updated;
    });
    expect(row).toEqual({ stamped: true, created: new Date("2020-01-01T00:00:00Z") });
  });

  describe("events", () => {
    it("appends an event for each status change, naming the signed-in user", async () => {
      const events = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        await tx`update public.niches set status = 'paused' where id = ${f.nicheA}`;
        await tx`update public.niches set name = 'Renamed, same status' where id = ${f.nicheA}`;
        return tx`select actor_user_id, actor_kind, entity_type, entity_id, action, from_status, to_status
          from public.events where entity_id = ${f.nicheA} and action <> 'created' order by id`;
      });
      expect(events).toEqual([
        {
          actor_user_id: f.users.operator,
          actor_kind: "user",
          entity_type: "niche",
          entity_id: f.nicheA,
          action: "status_changed",
          from_status: "active",
          to_status: "paused",
        },
      ]);
    });

    it("records creations and server-side changes as the system, or as the bot when the worker says so", async () => {
      const events = await rolledBack(async (tx) => {
        await tx`update public.campaigns set status = 'paused' where id = ${f.campaignA}`;
        await tx`select set_config('arqan.actor_kind', 'bot', true)`;
        await tx`update public.leads set status = 'closed' where id = ${f.leadA}`;
        return tx`select actor_user_id, actor_kind, entity_type, action, from_status, to_status from public.events
          where entity_id in (${f.campaignA}, ${f.leadA}) order by id`;
      });
      expect(events).toEqual([
        {
          actor_user_id: null,
          actor_kind: "system",
          entity_type: "campaign",
          action: "created",
          from_status: null,
          to_status: "active",
        },
        {
          actor_user_id: null,
          actor_kind: "system",
          entity_type: "lead",
          action: "created",
          from_status: null,
          to_status: "handed_off",
        },
        {
          actor_user_id: null,
          actor_kind: "system",
          entity_type: "campaign",
          action: "status_changed",
          from_status: "active",
          to_status: "paused",
        },
        {
          actor_user_id: null,
          actor_kind: "bot",
          entity_type: "lead",
          action: "status_changed",
          from_status: "handed_off",
          to_status: "closed",
        },
      ]);
    });

    it("cannot be updated, deleted or truncated, even by the superuser", async () => {
      const appendOnly = { code: "23001", constraint: undefined };
      expect(
        await rejection((tx) => tx`update public.events set action = 'forged' where id = ${f.eventA}`),
      ).toEqual(appendOnly);
      expect(await rejection((tx) => tx`delete from public.events where id = ${f.eventA}`)).toEqual(
        appendOnly,
      );
      expect(await rejection((tx) => tx`truncate public.events`)).toEqual(appendOnly);
    });

    it("go with their workspace when the workspace is deleted", async () => {
      const left = await rolledBack(async (tx) => {
        await tx`delete from public.workspaces where id = ${f.workspaceA}`;
        return tx`select id from public.events where workspace_id = ${f.workspaceA}`;
      });
      expect(left).toHaveLength(0);
    });
  });

  it("stores a redelivered message once: its platform id is unique per workspace and platform", async () => {
    const outcome = await rolledBack(async (tx) => {
      const insert = (platform: string) => tx`
        insert into public.messages (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text)
        values (${f.workspaceA}, ${f.conversationA}, ${f.leadA}, ${platform}, 'chat-9:42', 'lead', 'Алло')
        on conflict (workspace_id, platform, platform_message_id) do nothing`;
      const first = await insert("telegram");
      const redelivered = await insert("telegram");
      const otherPlatform = await insert("whatsapp");
      return [first.count, redelivered.count, otherPlatform.count];
    });
    expect(outcome).toEqual([1, 0, 1]);
    expect(
      await rejection(
        (
          tx,
        ) => tx`insert into public.messages (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender)
          select workspace_id, conversation_id, lead_id, platform, platform_message_id, sender from public.messages where id = ${f.messageA}`,
      ),
    ).toEqual({ code: "23505", constraint: "messages_workspace_platform_message_id_key" });
  });

  it("stores both messages when two workspaces receive the same platform message id", async () => {
    const stored = await rolledBack(async (tx) => {
      const [conversationB] = await tx<{ id: string }[]>`
        insert into public.conversations (workspace_id, lead_id, platform, external_chat_id)
        values (${f.workspaceB}, ${f.leadB}, 'telegram', 'chat-9') returning id`;
      const insert = (workspaceId: string, conversationId: string, leadId: string) => tx`
        insert into public.messages (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text)
        values (${workspaceId}, ${conversationId}, ${leadId}, 'telegram', 'chat-9:42', 'lead', 'Алло')
        on conflict (workspace_id, platform, platform_message_id) do nothing`;
      const inA = await insert(f.workspaceA, f.conversationA, f.leadA);
      const inB = await insert(f.workspaceB, conversationB!.id, f.leadB);
      const rows = await tx<{ workspace_id: string }[]>`
        select workspace_id from public.messages where platform_message_id = 'chat-9:42' order by workspace_id`;
      return { counts: [inA.count, inB.count], workspaces: rows.map((r) => r.workspace_id) };
    });
    expect(stored.counts).toEqual([1, 1]);
    expect(stored.workspaces).toEqual([f.workspaceA, f.workspaceB].sort());
  });

  it("keeps an ad's platform id unique per workspace and platform, not across workspaces", async () => {
    const [ad] = await db.sql<
      { external_id: string }[]
    >`select external_id from public.ads where id = ${f.adA}`;
    const externalId = ad!.external_id;
    expect(
      await rejection(
        (tx) => tx`insert into public.ads (workspace_id, campaign_id, platform, external_id, title)
        values (${f.workspaceA}, ${f.campaignA}, 'olx', ${externalId}, 'Copy')`,
      ),
    ).toEqual({ code: "23505", constraint: "ads_workspace_platform_external_id_key" });
    expect(
      await rejection(
        (tx) => tx`insert into public.ads (workspace_id, campaign_id, platform, external_id, title)
        values (${f.workspaceB}, ${f.campaignB}, 'olx', ${externalId}, 'Same id, other workspace')`,
      ),
    ).toBeNull();
  });

  it("keeps a lead identity unique per workspace, kind and value", async () => {
    const [identity] = await db.sql<
      { value: string }[]
    >`select value from public.lead_identities where id = ${f.identityA}`;
    const value = identity!.value;
    expect(
      await rejection(
        (tx) => tx`insert into public.lead_identities (workspace_id, lead_id, kind, value)
        values (${f.workspaceA}, ${f.leadA}, 'telegram', ${value})`,
      ),
    ).toEqual({ code: "23505", constraint: "lead_identities_workspace_kind_value_key" });
    expect(
      await rejection(async (tx) => {
        await tx`insert into public.lead_identities (workspace_id, lead_id, kind, value)
          values (${f.workspaceB}, ${f.leadB}, 'telegram', ${value})`;
        await tx`insert into public.lead_identities (workspace_id, lead_id, kind, value)
          values (${f.workspaceA}, ${f.leadA}, 'olx', ${value})`;
      }),
    ).toBeNull();
  });

  describe("rollup_campaign_daily_stats", () => {
    it("counts a Kazakhstan day's leads, qualifications, hand-offs and messages, idempotently", async () => {
      const result = await rolledBack(async (tx) => {
        const [niche] = await tx<{ id: string }[]>`insert into public.niches (workspace_id, name)
          values (${f.workspaceA}, 'Rollup niche') returning id`;
        const [campaign] = await tx<
          { id: string }[]
        >`insert into public.campaigns (workspace_id, niche_id, name, platform)
          values (${f.workspaceA}, ${niche!.id}, 'Rollup campaign', 'telegram') returning id`;
        const c = campaign!.id;
        const lead = async (
          name: string,
          createdAt: string,
          status = "new",
          handedOffAt: string | null = null,
        ) => {
          const [row] = await tx<{ id: string }[]>`insert into public.leads
            (workspace_id, campaign_id, source_platform, name, status, created_at, client_id, handed_off_at)
            values (${f.workspaceA}, ${c}, 'telegram', ${name}, ${status}, ${createdAt},
                    ${status === "handed_off" ? f.clientA1 : null}, ${handedOffAt}) returning id`;
          return row!.id;
        };
        // 2026-03-10 in Almaty (UTC+5) runs from 2026-03-09T19:00Z to 2026-03-10T19:00Z.
        const early = await lead("Created that morning", "2026-03-10T10:00:00+05:00");
        await lead("Created and qualified late that evening", "2026-03-10T23:30:00+05:00", "qualified");
        const sold = await lead(
          "Created the day before, handed off that day",
          "2026-03-09T12:00:00+05:00",
          "handed_off",
          "2026-03-10T09:00:00+05:00",
        );
        await lead("Created just after midnight (still the 10th in UTC)", "2026-03-11T00:30:00+05:00");
        const [conversation] = await tx<{ id: string }[]>`insert into public.conversations
          (workspace_id, lead_id, platform, external_chat_id) values (${f.workspaceA}, ${early}, 'telegram', 'rollup-chat') returning id`;
        const message = (leadId: string, id: string, sentAt: string) => tx`insert into public.messages
          (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, sent_at)
          values (${f.workspaceA}, ${conversation!.id}, ${leadId}, 'telegram', ${id}, 'lead', ${sentAt})`;
        await message(early, "rollup:1", "2026-03-10T11:00:00+05:00");
        await message(early, "rollup:2", "2026-03-10T11:01:00+05:00");
        await message(sold, "rollup:3", "2026-03-09T13:00:00+05:00");

        const [firstRun] = await tx<
          { written: number }[]
        >`select private.rollup_campaign_daily_stats('2026-03-10') as written`;
        const [secondRun] = await tx<
          { written: number }[]
        >`select private.rollup_campaign_daily_stats('2026-03-10') as written`;
        const day = await tx`select leads, qualified, handed_off, messages from public.campaign_daily_stats
          where campaign_id = ${c} and day = '2026-03-10'`;
        const [counters] =
          await tx`select leads_count, conversions_count from public.campaigns where id = ${c}`;
        await tx`delete from public.leads where id = ${early}`;
        await tx`select private.rollup_campaign_daily_stats('2026-03-10')`;
        const afterDelete =
          await tx`select leads, qualified, handed_off, messages from public.campaign_daily_stats
          where campaign_id = ${c} and day = '2026-03-10'`;
        return { firstRun, secondRun, day, counters, afterDelete };
      });
      expect(result.firstRun?.written).toBeGreaterThanOrEqual(1);
      expect(result.secondRun?.written).toBe(0);
      expect(result.day).toEqual([{ leads: 2, qualified: 1, handed_off: 1, messages: 2 }]);
      expect(result.counters).toEqual({ leads_count: 4, conversions_count: 1 });
      expect(result.afterDelete).toEqual([{ leads: 1, qualified: 1, handed_off: 1, messages: 0 }]);
    });

    it("is registered as a schedule whose command runs", async () => {
      const schedules = await db.sql<{ name: string; cron: string; command: string }[]>`
        select name, cron, command from private.schedules order by name`;
      expect(schedules).toEqual([
        {
          name: "messaging-sweep",
          cron: "* * * * *",
          command: "select private.request_function('messaging-sweep')",
        },
        {
          name: "rollup-campaign-daily-stats",
          cron: "*/5 * * * *",
          command: "select private.rollup_campaign_daily_stats()",
        },
      ]);
      for (const schedule of schedules) await rolledBack((tx) => tx.unsafe(schedule.command));
    });
  });

  describe("client_leads", () => {
    it("gives a sales member only the leads handed off to their client, with only the buyer's columns", async () => {
      await db.sql`insert into public.leads (workspace_id, source_platform, name, status, client_id, handed_off_at) values
        (${f.workspaceA}, 'olx', 'Handed to the other client', 'handed_off', ${f.clientA2}, now()),
        (${f.workspaceA}, 'olx', 'Assigned but not handed off', 'qualified', ${f.clientA1}, null)`;
      const rows = await asActorRolledBack(
        db.sql,
        asUser(f.users.sales),
        (tx) => tx`select * from public.client_leads()`,
      );
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(Object.keys(row ?? {}).sort()).toEqual(
        [
          "campaign_name",
          "client_id",
          "client_name",
          "handed_off_at",
          "id",
          "language",
          "name",
          "phone",
          "qualification_summary",
          "score",
        ].sort(),
      );
      expect(row).toMatchObject({
        id: f.leadA,
        name: "Айгерим",
        phone: "+77011234567",
        language: "ru",
        score: 85,
        qualification_summary: "Needs two units installed in May",
        campaign_name: "AC on OLX",
        client_id: f.clientA1,
        client_name: "Client A1",
      });
    });

    it("gives workspace members and strangers nothing", async () => {
      for (const userId of [f.users.owner, f.users.outsider, f.users.newcomer]) {
        const rows = await asActorRolledBack(
          db.sql,
          asUser(userId),
          (tx) => tx`select * from public.client_leads()`,
        );
        expect(rows).toHaveLength(0);
      }
    });
  });

  describe("realtime", () => {
    it("publishes exactly leads, messages, conversations, the outbox and parser tasks, with their whole old rows", async () => {
      const published = await db.sql`select schemaname, tablename from pg_publication_tables
        where pubname = 'supabase_realtime' order by tablename`;
      expect(published).toEqual([
        { schemaname: "public", tablename: "conversations" },
        { schemaname: "public", tablename: "leads" },
        { schemaname: "public", tablename: "messages" },
        { schemaname: "public", tablename: "outbound_messages" },
        { schemaname: "public", tablename: "parser_tasks" },
      ]);
      const identities = await db.sql`select relname, relreplident from pg_class
        where oid in ('public.leads'::regclass, 'public.messages'::regclass, 'public.conversations'::regclass,
                      'public.outbound_messages'::regclass, 'public.parser_tasks'::regclass) order by relname`;
      expect(identities).toEqual([
        { relname: "conversations", relreplident: "f" },
        { relname: "leads", relreplident: "f" },
        { relname: "messages", relreplident: "f" },
        { relname: "outbound_messages", relreplident: "f" },
        { relname: "parser_tasks", relreplident: "f" },
      ]);
    });
  });

  it("enables RLS on every public table and gives anon no privilege on any", async () => {
    const tables = await db.sql<{ name: string; rls: boolean; anon: boolean }[]>`
      select c.relname as name, c.relrowsecurity as rls,
             has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger') as anon
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`;
    expect(tables.length).toBeGreaterThanOrEqual(18);
    expect(tables.filter((t) => !t.rls || t.anon)).toEqual([]);
  });

  it("exposes no function to anon and keeps every function's search_path fixed", async () => {
    const functions = await db.sql<{ name: string; anon: boolean; pinned: boolean }[]>`
      select n.nspname || '.' || p.proname as name,
             has_function_privilege('anon', p.oid, 'execute') as anon,
             coalesce(exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%'), false) as pinned
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private')`;
    expect(functions.length).toBeGreaterThan(10);
    expect(functions.filter((fn) => fn.anon || !fn.pinned)).toEqual([]);
  });
});
