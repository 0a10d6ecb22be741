import type { TransactionSql } from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Actor, actAs, asActorRolledBack, asUser } from "./support/actAs.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

describe("RPCs", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  const anon: Actor = { role: "anon" };

  describe("create_workspace", () => {
    it("creates the workspace with a normalised slug and makes the caller its owner", async () => {
      const listed = await asActorRolledBack(db.sql, asUser(f.users.newcomer), async (tx) => {
        const [created] = await tx<
          { id: string }[]
        >`select public.create_workspace('  Астана лиды ', ' Astana-Leads ') as id`;
        const mine = await tx<
          { id: string; name: string; slug: string; role: string }[]
        >`select * from public.my_workspaces()`;
        return { id: created?.id, mine };
      });
      expect(listed.mine).toEqual([
        { id: listed.id, name: "Астана лиды", slug: "astana-leads", role: "owner" },
      ]);
    });

    it("refuses anon, a taken slug and a malformed slug", async () => {
      const create = (slug: string) => (tx: TransactionSql) =>
        tx`select public.create_workspace('X', ${slug})`;
      expect(await actAs(db.sql, anon, create("fresh"))).toMatchObject({ kind: "error", code: "42501" });
      const [{ slug } = { slug: "" }] = await db.sql<{ slug: string }[]>`
        select slug from public.workspaces where id = ${f.workspaceA}`;
      expect(await actAs(db.sql, asUser(f.users.newcomer), create(slug))).toMatchObject({
        kind: "error",
        code: "23505",
      });
      expect(await actAs(db.sql, asUser(f.users.newcomer), create("no spaces"))).toMatchObject({
        kind: "error",
        code: "23514",
      });
    });
  });

  describe("my_workspaces", () => {
    it("lists each caller's own workspaces with their role, and nothing for strangers", async () => {
      const mine = (actor: Actor) =>
        asActorRolledBack(
          db.sql,
          actor,
          (tx) => tx<{ id: string; role: string }[]>`select id, role from public.my_workspaces()`,
        );
      expect(await mine(asUser(f.users.viewer))).toEqual([{ id: f.workspaceA, role: "viewer" }]);
      expect(await mine(asUser(f.users.outsider))).toEqual([{ id: f.workspaceB, role: "owner" }]);
      expect(await mine(asUser(f.users.sales))).toEqual([]);
      expect(await actAs(db.sql, anon, (tx) => tx`select * from public.my_workspaces()`)).toMatchObject({
        kind: "error",
        code: "42501",
      });
    });
  });

  describe("list_recent_leads", () => {
    beforeAll(async () => {
      await db.sql`insert into public.leads (workspace_id, source_platform, name, created_at) values
        (${f.workspaceA}, 'olx', 'Oldest', now() - interval '3 days'),
        (${f.workspaceA}, 'kaspi', 'Newest', now() + interval '1 hour'),
        (${f.workspaceA}, 'satu', 'Middle', now() - interval '1 day')`;
    });

    it("returns the workspace's leads newest first, at most p_limit", async () => {
      const names = await asActorRolledBack(
        db.sql,
        asUser(f.users.viewer),
        (tx) => tx<{ name: string }[]>`select name from public.list_recent_leads(${f.workspaceA}, 2)`,
      );
      expect(names.map((l) => l.name)).toEqual(["Newest", "Айгерим"]);
    });

    it("lets RLS decide: a member of another workspace and a sales member get nothing", async () => {
      for (const userId of [f.users.outsider, f.users.sales]) {
        const rows = await asActorRolledBack(
          db.sql,
          asUser(userId),
          (tx) => tx`select * from public.list_recent_leads(${f.workspaceA})`,
        );
        expect(rows).toHaveLength(0);
      }
      expect(
        await actAs(db.sql, anon, (tx) => tx`select * from public.list_recent_leads(${f.workspaceA})`),
      ).toMatchObject({
        kind: "error",
        code: "42501",
      });
    });

    it("refuses a limit outside 1..1000 with a message that says so", async () => {
      const outcome = await actAs(
        db.sql,
        asUser(f.users.viewer),
        (tx) => tx`select * from public.list_recent_leads(${f.workspaceA}, 0)`,
      );
      expect(outcome).toMatchObject({
        kind: "error",
        code: "22023",
        message: expect.stringContaining("between 1 and 1000"),
      });
    });
  });

  describe("hand_off_lead", () => {
    let leadId: string;
    beforeAll(async () => {
      const [lead] = await db.sql<
        { id: string }[]
      >`insert into public.leads (workspace_id, campaign_id, source_platform, name, status, score)
        values (${f.workspaceA}, ${f.campaignA}, 'whatsapp', 'Ерлан', 'qualified', 77) returning id`;
      leadId = lead!.id;
    });

    it("hands a lead to a client of its workspace and records who did it", async () => {
      const result = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        const [lead] = await tx<{ status: string; client_id: string; handed_off_at: Date | null }[]>`
          select status, client_id, handed_off_at from public.hand_off_lead(${leadId}, ${f.clientA1})`;
        const again = await tx`select * from public.hand_off_lead(${leadId}, ${f.clientA1})`;
        const events = await tx<
          {
            actor_user_id: string;
            actor_kind: string;
            action: string;
            from_status: string;
            to_status: string;
            details: unknown;
          }[]
        >`
          select actor_user_id, actor_kind, action, from_status, to_status, details from public.events
          where entity_id = ${leadId} and action = 'handed_off'`;
        return { lead, again, events };
      });
      expect(result.lead).toMatchObject({ status: "handed_off", client_id: f.clientA1 });
      expect(result.lead?.handed_off_at).toBeInstanceOf(Date);
      expect(result.again).toHaveLength(1);
      expect(result.events).toEqual([
        {
          actor_user_id: f.users.operator,
          actor_kind: "user",
          action: "handed_off",
          from_status: "qualified",
          to_status: "handed_off",
          details: { client_id: f.clientA1 },
        },
      ]);
    });

    it("refuses a viewer, a stranger, a client of another workspace and a closed lead", async () => {
      const handOff = (clientId: string) => (tx: TransactionSql) =>
        tx`select * from public.hand_off_lead(${leadId}, ${clientId})`;
      expect(await actAs(db.sql, asUser(f.users.viewer), handOff(f.clientA1))).toMatchObject({
        kind: "error",
        code: "42501",
      });
      expect(await actAs(db.sql, asUser(f.users.outsider), handOff(f.clientB1))).toMatchObject({
        kind: "error",
        code: "P0002",
      });
      expect(await actAs(db.sql, asUser(f.users.operator), handOff(f.clientB1))).toMatchObject({
        kind: "error",
        code: "P0002",
        message: expect.stringContaining("not a client of the lead's workspace"),
      });
      expect(await actAs(db.sql, anon, handOff(f.clientA1))).toMatchObject({ kind: "error", code: "42501" });
      const closed = await actAs(db.sql, asUser(f.users.operator), async (tx) => {
        await tx`update public.leads set status = 'closed' where id = ${leadId}`;
        return handOff(f.clientA1)(tx);
      });
      expect(closed).toMatchObject({ kind: "error", code: "55000" });
    });
  });
});
