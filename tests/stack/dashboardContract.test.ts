import type { IncomingMessage } from "node:http";
import { defaultQualificationScript } from "@arqan/shared";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createAuthUser } from "../../packages/local/src/api/auth/createAuthUser.ts";
import type { RouteHandler } from "../../packages/local/src/api/context.ts";
import { readBody, sendJson } from "../../packages/local/src/api/sendJson.ts";
import { DashboardQueryError } from "../../web/src/api/DashboardQueryError.ts";
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
import { EdgeFunctionError } from "../../web/src/api/EdgeFunctionError.ts";
import {
  dispatchOutbox,
  getCampaign,
  handBackLead,
  type LeadActivityTable,
  loadLeadActivity,
  overrideLeadStatus,
  searchLeads,
  sendOperatorReply,
  subscribeToLeadActivity,
  takeOverLead,
} from "../../web/src/api/inboxQueries.ts";
import { ReplyRefusedError } from "../../web/src/api/ReplyRefusedError.ts";
import { SignInError } from "../../web/src/api/SignInError.ts";
import {
  connectChannel,
  listChannels,
  listNicheNames,
  listQualificationScripts,
  saveQualificationScript,
} from "../../web/src/api/settingsQueries.ts";
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

/**
 * The inbox and settings calls (web/src/api/inboxQueries.ts, settingsQueries.ts) against the stand-in over the
 * capture, outbox and inbox migrations. The Edge Functions the dashboard calls are answered by a stand-in handler
 * that speaks their documented contract (body in, `{code, message}` out), so the client's side of it is checked.
 */
describe("inbox and settings ↔ local Supabase stand-in contract", () => {
  let stack: TestStack;
  let operator: SupabaseClient;
  let viewer: SupabaseClient;
  let operatorId: string;
  const workspace = "1a000000-0000-4000-8000-00000000001a";
  const otherWorkspace = "1b000000-0000-4000-8000-00000000001b";
  const campaign = "1c000000-0000-4000-8000-00000000001c";
  const telegramChannel = "1d000000-0000-4000-8000-00000000001d";
  const cloudChannel = "1e000000-0000-4000-8000-00000000001e";
  let nicheId = "";
  /** What the stand-in functions were called with. */
  const functionCalls: { name: string; authorization: string | undefined; body: unknown }[] = [];

  const functions: RouteHandler = async (req: IncomingMessage, res, url) => {
    const name = url.pathname.split("/")[3] ?? "";
    const body: unknown = JSON.parse((await readBody(req)) || "null");
    functionCalls.push({ name, authorization: req.headers.authorization, body });
    const token = typeof body === "object" && body !== null && "token" in body ? body.token : null;
    if (name === "channel-connect" && token === "bad-token") {
      sendJson(res, 400, { code: "INVALID_TOKEN", message: "Telegram says the token is invalid" });
    } else if (name === "channel-connect") {
      sendJson(res, 200, {
        channel: { id: telegramChannel, name: "Бот", username: "arqan_test_bot", status: "active" },
        webhook: { url: null, set: false, instructions: "No public URL: run a tunnel, then reconnect." },
      });
    } else if (name === "outbox-dispatch") {
      sendJson(res, 200, { sent: 1, failed: 0 });
    } else {
      sendJson(res, 404, { code: "NOT_FOUND", message: "no such function" });
    }
  };

  /** Stores a message from a lead the way the webhooks do; returns the lead's id. */
  async function ingest(channelId: string, chatId: string, messageId: string, name: string, text: string) {
    const [row] = await stack.db.sql<{ result: { lead_id: string } }[]>`
      select private.ingest_inbound_message(${stack.db.sql.json({
        channel_id: channelId,
        platform_message_id: messageId,
        chat_id: chatId,
        identity: { kind: channelId === telegramChannel ? "telegram" : "whatsapp", value: chatId },
        name,
        text,
        sent_at: new Date().toISOString(),
      })}) as result`;
    return row?.result.lead_id ?? "";
  }

  beforeAll(async () => {
    stack = await startTestStack({ functions });
    const sql = stack.db.sql;
    operatorId = await createAuthUser(sql, { email: "inbox-op@contract.kz", password: "pass-inbox-1" });
    const viewerId = await createAuthUser(sql, { email: "inbox-view@contract.kz", password: "pass-inbox-2" });
    await sql`insert into public.workspaces (id, name, slug) values (${workspace}, 'Inbox', 'inbox'), (${otherWorkspace}, 'Other', 'other')`;
    await sql`insert into public.workspace_members (workspace_id, user_id, role)
              values (${workspace}, ${operatorId}, 'operator'), (${workspace}, ${viewerId}, 'viewer')`;
    const [niche] = await sql<{ id: string }[]>`
      insert into public.niches (workspace_id, name, query, city, status)
      values (${workspace}, 'Кондиционеры', 'кондиционер', 'Almaty', 'active') returning id`;
    nicheId = niche?.id ?? "";
    await sql`insert into public.campaigns (id, workspace_id, niche_id, name, platform, status)
              values (${campaign}, ${workspace}, ${nicheId}, 'Кондиционеры · Telegram', 'telegram', 'active')`;
    await sql`insert into public.channels (id, workspace_id, provider, platform, name, external_id, status, campaign_id)
              values (${telegramChannel}, ${workspace}, 'telegram_bot', 'telegram', 'Бот', '700100', 'active', ${campaign}),
                     (${cloudChannel}, ${workspace}, 'whatsapp_cloud', 'whatsapp', 'WhatsApp', '55501', 'active', null)`;
    await sql`insert into private.channel_secrets (channel_id, workspace_id, bot_token)
              values (${telegramChannel}, ${workspace}, '700100:secret-token')`;
    await sql`
      insert into public.leads (workspace_id, source_platform, source_id, name, phone, language, status, score, created_at)
      values (${workspace}, 'olx', 's-1', 'АЙГЕРІМ Сапарова', '+77011234567', 'kk', 'qualified', 85, now() - interval '3 hours'),
             (${workspace}, 'olx', 's-2', 'Дмитрий', '+77017654321', 'ru', 'new', 20, now() - interval '2 hours'),
             (${workspace}, 'satu', 's-3', 'John', null, 'en', 'disqualified', 10, now() - interval '1 hour'),
             (${otherWorkspace}, 'olx', 's-4', 'Чужой', null, 'ru', 'new', 50, now())`;
    const connect = () =>
      createClient(stack.apiUrl, stack.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport: WebSocket as never },
      });
    operator = connect();
    viewer = connect();
    await signIn(operator, "inbox-op@contract.kz", "pass-inbox-1");
    await signIn(viewer, "inbox-view@contract.kz", "pass-inbox-2");
  }, 120_000);
  afterAll(async () => {
    await operator?.removeAllChannels();
    await stack?.close();
  });

  const search = (filters: Partial<Parameters<typeof searchLeads>[1]> = {}) =>
    searchLeads(operator, {
      workspaceId: workspace,
      status: null,
      source: null,
      campaignId: null,
      scoreMin: null,
      scoreMax: null,
      language: null,
      search: "",
      page: 1,
      pageSize: 25,
      ...filters,
    });

  it("searches the inbox by every filter, newest first, with the total", async () => {
    const all = await search();
    expect(all.total).toBe(3);
    expect(all.leads.map((l) => l.name)).toEqual(["John", "Дмитрий", "АЙГЕРІМ Сапарова"]);
    expect((await search({ status: "qualified" })).leads.map((l) => l.name)).toEqual(["АЙГЕРІМ Сапарова"]);
    expect((await search({ source: "satu" })).leads.map((l) => l.name)).toEqual(["John"]);
    expect((await search({ language: "ru" })).leads.map((l) => l.name)).toEqual(["Дмитрий"]);
    expect((await search({ scoreMin: 15, scoreMax: 85 })).total).toBe(2);
    expect((await search({ search: "айгерім" })).leads.map((l) => l.name)).toEqual(["АЙГЕРІМ Сапарова"]);
    expect((await search({ search: "8 701 765" })).leads.map((l) => l.name)).toEqual(["Дмитрий"]);
    const second = await search({ page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, leads: [{ name: "АЙГЕРІМ Сапарова" }] });
    expect(await search({ page: 5, pageSize: 2 })).toEqual({ leads: [], total: 0 });
    expect(await search({ workspaceId: otherWorkspace })).toEqual({ leads: [], total: 0 });
  });

  it("opens a captured lead: its campaign, conversation, messages and no unsent replies", async () => {
    const leadId = await ingest(telegramChannel, "900001", "700100:900001:1", "Асель", "Нужен кондиционер");
    const activity = await loadLeadActivity(operator, leadId);
    expect(activity.lead).toMatchObject({
      id: leadId,
      name: "Асель",
      campaign_id: campaign,
      qualification: {},
    });
    expect(activity.conversations).toMatchObject([{ channel_id: telegramChannel, bot_paused: false }]);
    expect(activity.messages.map((m) => [m.sender, m.text])).toEqual([["lead", "Нужен кондиционер"]]);
    expect(activity.unsent).toEqual([]);
    expect(await getCampaign(operator, campaign)).toEqual({
      id: campaign,
      name: "Кондиционеры · Telegram",
      niche_id: nicheId,
    });
    const [row] = (await search({ campaignId: campaign })).leads;
    expect(row).toMatchObject({ id: leadId, campaign_name: "Кондиционеры · Telegram", bot_paused: false });
    expect((await loadLeadActivity(operator, "00000000-0000-4000-8000-000000000999")).lead).toBeNull();
  });

  it("reports a new message, a take-over and a queued reply of the lead live", async () => {
    const leadId = await ingest(telegramChannel, "900002", "700100:900002:1", "Марат", "Здравствуйте");
    const changes: LeadActivityTable[] = [];
    const statuses: string[] = [];
    const stop = subscribeToLeadActivity(operator, leadId, (table) => changes.push(table), {
      onStatus: (status) => statuses.push(status),
    });
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe("connected");
    await ingest(telegramChannel, "900002", "700100:900002:2", "Марат", "Есть кто?");
    await expect.poll(() => changes.includes("messages"), { timeout: 10_000 }).toBe(true);
    await takeOverLead(operator, leadId);
    await expect.poll(() => changes.includes("conversations"), { timeout: 10_000 }).toBe(true);
    await sendOperatorReply(operator, leadId, "Добрый день! Сейчас подскажу.", "live-key-1");
    await expect.poll(() => changes.includes("outbound_messages"), { timeout: 10_000 }).toBe(true);
    stop();
  });

  it("takes a lead over, queues a reply once per key, and hands it back", async () => {
    const leadId = await ingest(telegramChannel, "900003", "700100:900003:1", "Ерлан", "Цена?");
    await takeOverLead(operator, leadId);
    let activity = await loadLeadActivity(operator, leadId);
    expect(activity.conversations).toMatchObject([{ bot_paused: true, taken_over_by: operatorId }]);
    const first = await sendOperatorReply(operator, leadId, "  От 150 000 ₸  ", "reply-key-1");
    const again = await sendOperatorReply(operator, leadId, "От 150 000 ₸", "reply-key-1");
    expect(again).toBe(first);
    activity = await loadLeadActivity(operator, leadId);
    expect(activity.unsent).toMatchObject([
      { id: first, text: "От 150 000 ₸", status: "pending", sender: "human" },
    ]);
    const [row] = (await search({ search: "Ерлан" })).leads;
    expect(row?.bot_paused).toBe(true);
    await handBackLead(operator, leadId);
    activity = await loadLeadActivity(operator, leadId);
    expect(activity.conversations).toMatchObject([{ bot_paused: false, taken_over_by: null }]);
  });

  it("says why a reply cannot be queued: no channel, or WhatsApp's 24-hour window", async () => {
    const [bare] = await stack.db.sql<{ id: string }[]>`
      insert into public.leads (workspace_id, source_platform, name, status)
      values (${workspace}, 'manual', 'Без чата', 'new') returning id`;
    const noChannel = await sendOperatorReply(operator, bare?.id ?? "", "Алло", "k-none").catch(
      (e: unknown) => e,
    );
    expect(noChannel).toBeInstanceOf(ReplyRefusedError);
    expect((noChannel as ReplyRefusedError).reason).toBe("no_channel");

    const leadId = await ingest(cloudChannel, "77015550000", "wamid.old-1", "Гульнара", "Сәлем");
    await stack.db.sql`update public.conversations set last_inbound_at = now() - interval '2 days'
                       where lead_id = ${leadId}`;
    const late = await sendOperatorReply(operator, leadId, "Здравствуйте", "k-late").catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ReplyRefusedError);
    expect((late as ReplyRefusedError).reason).toBe("outside_24h_window");
  });

  it("asks outbox-dispatch to send a lead's queue now, as the signed-in user", async () => {
    const leadId = "00000000-0000-4000-8000-000000000777";
    expect(await dispatchOutbox(operator, leadId)).toEqual({ sent: 1, failed: 0 });
    const call = functionCalls.find((c) => c.name === "outbox-dispatch");
    expect(call?.body).toEqual({ lead_id: leadId });
    expect(call?.authorization).toMatch(/^Bearer ey/);
  });

  it("overrides a lead's status with a reason, and refuses a viewer or a missing reason", async () => {
    const [row] = (await search({ search: "Дмитрий" })).leads;
    const leadId = row?.id ?? "";
    await overrideLeadStatus(operator, leadId, "qualified", "  Позвонил сам, бюджет подтверждён  ");
    const { lead } = await loadLeadActivity(operator, leadId);
    expect(lead?.status).toBe("qualified");
    expect(lead?.qualification.override).toMatchObject({
      by: operatorId,
      from: "new",
      to: "qualified",
      reason: "Позвонил сам, бюджет подтверждён",
    });
    const blank = await overrideLeadStatus(operator, leadId, "disqualified", "  ").catch((e: unknown) => e);
    expect(blank).toBeInstanceOf(DashboardQueryError);
    const byViewer = await overrideLeadStatus(viewer, leadId, "disqualified", "нет").catch((e: unknown) => e);
    expect(byViewer).toBeInstanceOf(DashboardQueryError);
    expect((byViewer as DashboardQueryError).action).toBe("rejected");
  });

  it("lists channels without secrets, and niches", async () => {
    const channels = await listChannels(operator, workspace);
    expect(channels.map((c) => [c.provider, c.name, c.status])).toEqual([
      ["telegram_bot", "Бот", "active"],
      ["whatsapp_cloud", "WhatsApp", "active"],
    ]);
    expect(JSON.stringify(channels)).not.toContain("secret-token");
    expect(await listChannels(operator, otherWorkspace)).toEqual([]);
    expect(await listNicheNames(operator, workspace)).toEqual([{ id: nicheId, name: "Кондиционеры" }]);
  });

  it("keeps one script per niche and one default, and lets a viewer only read them", async () => {
    const stricter = { ...defaultQualificationScript, qualify_at: 80 };
    await saveQualificationScript(operator, {
      workspaceId: workspace,
      nicheId: null,
      name: "По умолчанию",
      script: defaultQualificationScript,
    });
    await saveQualificationScript(operator, {
      workspaceId: workspace,
      nicheId: null,
      name: "По умолчанию",
      script: stricter,
    });
    const saved = await saveQualificationScript(operator, {
      workspaceId: workspace,
      nicheId,
      name: "Кондиционеры",
      script: defaultQualificationScript,
    });
    expect(saved.niche_id).toBe(nicheId);
    const scripts = await listQualificationScripts(viewer, workspace);
    expect(scripts).toHaveLength(2);
    expect(scripts.find((row) => row.niche_id === null)?.script).toMatchObject({ qualify_at: 80 });
    const denied = await saveQualificationScript(viewer, {
      workspaceId: workspace,
      nicheId: null,
      name: "x",
      script: defaultQualificationScript,
    }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(DashboardQueryError);
  });

  it("connects a Telegram bot through channel-connect and reads its error codes", async () => {
    const result = await connectChannel(operator, {
      provider: "telegram_bot",
      workspaceId: workspace,
      token: " 700100:good-token ",
      name: "Бот",
      nicheId,
      campaignId: null,
    });
    expect(result.webhook).toEqual({
      url: null,
      set: false,
      instructions: "No public URL: run a tunnel, then reconnect.",
    });
    expect(functionCalls.find((c) => c.name === "channel-connect")?.body).toEqual({
      workspace_id: workspace,
      provider: "telegram_bot",
      token: "700100:good-token",
      name: "Бот",
      niche_id: nicheId,
    });
    const failure = await connectChannel(operator, {
      provider: "telegram_bot",
      workspaceId: workspace,
      token: "bad-token",
      name: null,
      nicheId: null,
      campaignId: null,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EdgeFunctionError);
    expect(failure).toMatchObject({ status: 400, code: "INVALID_TOKEN", action: "rejected" });
  });
});
