import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createAuthUser } from "../../packages/local/src/api/auth/createAuthUser.ts";
import {
  type LeadChange,
  listCampaignNames,
  listLeads,
  listMyWorkspaces,
  readSignedInUser,
  signIn,
  signOut,
  subscribeToLeads,
} from "../../web/src/api/dashboardQueries.ts";
import { SignInError } from "../../web/src/api/SignInError.ts";
import { startTestStack, type TestStack } from "../support/testStack.ts";

/**
 * The contract between the dashboard and the local stand-in: every call the dashboard makes
 * (web/src/api/dashboardQueries.ts), run through supabase-js in Node against the stand-in over the real schema.
 */
describe("dashboard ↔ local Supabase stand-in contract", () => {
  let stack: TestStack;
  let client: SupabaseClient;
  const workspaceA = "0a000000-0000-4000-8000-00000000000a";
  const workspaceB = "0b000000-0000-4000-8000-00000000000b";
  const campaign = "0c000000-0000-4000-8000-00000000000c";

  beforeAll(async () => {
    stack = await startTestStack();
    const sql = stack.db.sql;
    const operator = await createAuthUser(sql, { email: "op@contract.kz", password: "pass-contract-1" });
    const stranger = await createAuthUser(sql, { email: "other@contract.kz", password: "pass-contract-2" });
    await sql`insert into public.workspaces (id, name, slug) values (${workspaceA}, 'Алматы Климат', 'a'), (${workspaceB}, 'Чужой', 'b')`;
    await sql`insert into public.workspace_members (workspace_id, user_id, role)
              values (${workspaceA}, ${operator}, 'operator'), (${workspaceB}, ${stranger}, 'owner')`;
    const [niche] = await sql<
      { id: string }[]
    >`insert into public.niches (workspace_id, name, query, city, status)
              values (${workspaceA}, 'Кондиционеры', 'кондиционер', 'Almaty', 'active') returning id`;
    await sql`insert into public.campaigns (id, workspace_id, niche_id, name, platform, status, budget_kzt)
              values (${campaign}, ${workspaceA}, ${niche?.id ?? ""}, 'Кондиционеры · OLX', 'olx', 'active', 100000)`;
    await sql`
      insert into public.leads (workspace_id, campaign_id, source_platform, source_id, name, status, created_at)
      select ${workspaceA}, ${campaign}, (array['telegram','whatsapp','olx']::public.platform[])[1 + g % 3], 'c-' || g,
             'Лид ' || g, (array['new','contacted','qualified']::public.lead_status[])[1 + g % 3],
             now() - (g || ' minutes')::interval
      from generate_series(1, 60) g`;
    await sql`insert into public.leads (workspace_id, source_platform, source_id, name, status)
              values (${workspaceB}, 'telegram', 'secret', 'Чужой лид', 'new')`;
    client = createClient(stack.apiUrl, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
  }, 120_000);
  afterAll(async () => {
    await client?.removeAllChannels();
    await stack?.close();
  });

  it("rejects a wrong password as wrong credentials", async () => {
    const error = await signIn(client, "op@contract.kz", "nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).reason).toBe("wrong-credentials");
  });

  it("signs in and reads the signed-in user", async () => {
    const user = await signIn(client, "op@contract.kz", "pass-contract-1");
    expect(user.email).toBe("op@contract.kz");
    expect((await readSignedInUser(client))?.email).toBe("op@contract.kz");
  });

  it("lists only the user's workspaces with their role", async () => {
    expect(await listMyWorkspaces(client)).toEqual([
      { id: workspaceA, name: "Алматы Климат", slug: "a", role: "operator" },
    ]);
  });

  it("lists campaign names of the workspace", async () => {
    expect(await listCampaignNames(client, workspaceA)).toEqual([
      { id: campaign, name: "Кондиционеры · OLX" },
    ]);
    expect(await listCampaignNames(client, workspaceB)).toEqual([]);
  });

  it("pages leads newest first with an exact total, filtered by status and source", async () => {
    const first = await listLeads(client, { workspaceId: workspaceA, page: 1, pageSize: 25 });
    expect(first.total).toBe(60);
    expect(first.leads.map((l) => l.name).slice(0, 3)).toEqual(["Лид 1", "Лид 2", "Лид 3"]);
    const third = await listLeads(client, { workspaceId: workspaceA, page: 3, pageSize: 25 });
    expect(third.leads).toHaveLength(10);
    const beyond = await listLeads(client, { workspaceId: workspaceA, page: 9, pageSize: 25 });
    expect(beyond.leads).toEqual([]);
    const qualifiedOlx = await listLeads(client, {
      workspaceId: workspaceA,
      status: "qualified",
      source: "olx",
      page: 1,
      pageSize: 25,
    });
    expect(qualifiedOlx.total).toBe(20);
    expect(qualifiedOlx.leads.every((l) => l.status === "qualified" && l.source_platform === "olx")).toBe(
      true,
    );
    const foreign = await listLeads(client, { workspaceId: workspaceB, page: 1, pageSize: 25 });
    expect(foreign).toEqual({ leads: [], total: 0 });
  });

  it("delivers a lead inserted with SQL to the live subscription, and not another workspace's", async () => {
    const changes: LeadChange[] = [];
    const statuses: string[] = [];
    const unsubscribe = subscribeToLeads(client, workspaceA, (c) => changes.push(c), {
      onStatus: (s) => statuses.push(s),
    });
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe("connected");
    await stack.db.sql`insert into public.leads (workspace_id, source_platform, source_id, name, status)
                       values (${workspaceB}, 'olx', 'b-live', 'Не для вас', 'new')`;
    const [row] = await stack.db.sql<{ id: string }[]>`
      insert into public.leads (workspace_id, source_platform, source_id, name, status)
      values (${workspaceA}, 'whatsapp', 'a-live', 'Новый живой лид', 'new') returning id`;
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "insert", lead: { id: row?.id, name: "Новый живой лид" } });
    await stack.db.sql`update public.leads set status = 'contacted' where id = ${row?.id ?? ""}`;
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBe(2);
    expect(changes[1]).toMatchObject({ kind: "update", lead: { id: row?.id, status: "contacted" } });
    await stack.db.sql`delete from public.leads where id = ${row?.id ?? ""}`;
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBe(3);
    expect(changes[2]).toEqual({ kind: "delete", id: row?.id });
    unsubscribe();
  });

  it("signs out: the session is gone", async () => {
    await signOut(client);
    expect(await readSignedInUser(client)).toBeNull();
  });
});
