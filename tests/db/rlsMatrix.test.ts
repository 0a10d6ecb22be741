import type { TransactionSql } from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Actor, actAs, asActorRolledBack, asUser, describeOutcome } from "./support/actAs.ts";
import { type LeadCaptureRows, seedLeadCaptureRows } from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

/**
 * The RLS matrix: every table × role × operation on workspace A's rows, run as PostgREST runs requests
 * (`set local role`, `request.jwt.claims`), each in a rolled-back transaction.
 *
 *   ✓  allowed: the target row is seen / inserted / updated / deleted (exactly one row)
 *   ✗  denied: Postgres answers 42501 (no privilege, or the row breaks a policy) or no row is seen or touched
 *   NNNNN  denied by a rule, with that SQLSTATE (events are append-only even for service_role: 23001)
 */
const roles = ["anon", "viewer", "operator", "admin", "owner", "sales", "outsider", "service"] as const;
type Role = (typeof roles)[number];
const operations = ["select", "insert", "update", "delete"] as const;
type Operation = (typeof operations)[number];

// biome-ignore format: the matrix reads as a table
const expectations: Record<string, Record<Operation, string>> = {
  //                          anon viewer operator admin owner sales outsider service
  workspaces: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✓     ✗     ✗        ✓",
  },
  workspace_members: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
  },
  clients: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✓     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
  },
  client_members: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✓     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
  },
  niches: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  campaigns: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  ads: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  leads: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
  },
  lead_identities: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  conversations: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  messages: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  market_research: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  events: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        23001",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        23001",
  },
  campaign_daily_stats: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
  },
  // Connected only through private.connect_channel() (service role); admins change and remove channels.
  channels: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✓     ✓     ✗     ✗        ✓",
  },
  tracking_codes: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  qualification_scripts: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    update:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✓        ✓     ✓     ✗     ✗        ✓",
  },
  // Written only by the SQL functions and RPCs (send_operator_reply).
  outbound_messages: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
  },
  // Written only by the research functions (create_parser_task, the worker's private.*parser* functions).
  parser_tasks: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
  },
  parsed_sites: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
  },
  parsed_products: {
    select:                  "✗    ✓      ✓        ✓     ✓     ✗     ✗        ✓",
    insert:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    update:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
    delete:                  "✗    ✗      ✗        ✗     ✗     ✗     ✗        ✓",
  },
};

/** The seeded workspaces plus workspace A's rows in the lead-capture tables. */
type MatrixFixture = Fixture & LeadCaptureRows;

type Statement = (tx: TransactionSql, f: MatrixFixture) => Promise<{ count: number }>;

/** One statement per table and operation, each aimed at a row of workspace A (inserts add one to it). */
const statements: Record<string, Record<Operation, Statement>> = {
  workspaces: {
    select: (tx, f) => tx`select id from public.workspaces where id = ${f.workspaceA}`,
    insert: (tx) => tx`insert into public.workspaces (name, slug) values ('New workspace', 'new-workspace')`,
    update: (tx, f) => tx`update public.workspaces set name = 'Renamed' where id = ${f.workspaceA}`,
    delete: (tx, f) => tx`delete from public.workspaces where id = ${f.workspaceA}`,
  },
  workspace_members: {
    select: (tx, f) => tx`select user_id from public.workspace_members
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.extraMember}`,
    insert: (tx, f) => tx`insert into public.workspace_members (workspace_id, user_id, role)
      values (${f.workspaceA}, ${f.users.newcomer}, 'viewer')`,
    update: (tx, f) => tx`update public.workspace_members set role = 'operator'
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.extraMember}`,
    delete: (tx, f) => tx`delete from public.workspace_members
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.extraMember}`,
  },
  clients: {
    select: (tx, f) => tx`select id from public.clients where id = ${f.clientA1}`,
    insert: (tx, f) =>
      tx`insert into public.clients (workspace_id, name) values (${f.workspaceA}, 'New client')`,
    update: (tx, f) => tx`update public.clients set notes = 'Pays on time' where id = ${f.clientA1}`,
    delete: (tx, f) => tx`delete from public.clients where id = ${f.clientA2}`,
  },
  client_members: {
    select: (tx, f) => tx`select user_id from public.client_members
      where client_id = ${f.clientA1} and user_id = ${f.users.sales}`,
    insert: (tx, f) => tx`insert into public.client_members (client_id, user_id, workspace_id)
      values (${f.clientA1}, ${f.users.newcomer}, ${f.workspaceA})`,
    update: (tx, f) => tx`update public.client_members set updated_at = now()
      where client_id = ${f.clientA1} and user_id = ${f.users.sales}`,
    delete: (tx, f) =>
      tx`delete from public.client_members where client_id = ${f.clientA1} and user_id = ${f.users.sales}`,
  },
  niches: {
    select: (tx, f) => tx`select id from public.niches where id = ${f.nicheA}`,
    insert: (tx, f) =>
      tx`insert into public.niches (workspace_id, name) values (${f.workspaceA}, 'New niche')`,
    update: (tx, f) => tx`update public.niches set status = 'paused' where id = ${f.nicheA}`,
    delete: (tx, f) => tx`delete from public.niches where id = ${f.nicheA2}`,
  },
  campaigns: {
    select: (tx, f) => tx`select id from public.campaigns where id = ${f.campaignA}`,
    insert: (tx, f) => tx`insert into public.campaigns (workspace_id, niche_id, name, platform)
      values (${f.workspaceA}, ${f.nicheA}, 'New campaign', 'kaspi')`,
    update: (tx, f) => tx`update public.campaigns set status = 'paused' where id = ${f.campaignA}`,
    delete: (tx, f) => tx`delete from public.campaigns where id = ${f.campaignA}`,
  },
  ads: {
    select: (tx, f) => tx`select id from public.ads where id = ${f.adA}`,
    insert: (tx, f) => tx`insert into public.ads (workspace_id, campaign_id, platform, title)
      values (${f.workspaceA}, ${f.campaignA}, 'olx', 'New ad')`,
    update: (tx, f) => tx`update public.ads set views = views + 1 where id = ${f.adA}`,
    delete: (tx, f) => tx`delete from public.ads where id = ${f.adA}`,
  },
  leads: {
    select: (tx, f) => tx`select id from public.leads where id = ${f.leadA}`,
    insert: (tx, f) => tx`insert into public.leads (workspace_id, campaign_id, source_platform, name)
      values (${f.workspaceA}, ${f.campaignA}, 'whatsapp', 'New lead')`,
    update: (tx, f) => tx`update public.leads set score = 90 where id = ${f.leadA}`,
    delete: (tx, f) => tx`delete from public.leads where id = ${f.leadA}`,
  },
  lead_identities: {
    select: (tx, f) => tx`select id from public.lead_identities where id = ${f.identityA}`,
    insert: (tx, f) => tx`insert into public.lead_identities (workspace_id, lead_id, kind, value)
      values (${f.workspaceA}, ${f.leadA}, 'phone', '+77011234567')`,
    update: (tx, f) => tx`update public.lead_identities set value = value || '-2' where id = ${f.identityA}`,
    delete: (tx, f) => tx`delete from public.lead_identities where id = ${f.identityA}`,
  },
  conversations: {
    select: (tx, f) => tx`select id from public.conversations where id = ${f.conversationA}`,
    insert: (tx, f) => tx`insert into public.conversations (workspace_id, lead_id, platform, external_chat_id)
      values (${f.workspaceA}, ${f.leadA}, 'whatsapp', '77011234567@c.us')`,
    update: (tx, f) => tx`update public.conversations set bot_paused = true where id = ${f.conversationA}`,
    delete: (tx, f) => tx`delete from public.conversations where id = ${f.conversationA}`,
  },
  messages: {
    select: (tx, f) => tx`select id from public.messages where id = ${f.messageA}`,
    insert: (
      tx,
      f,
    ) => tx`insert into public.messages (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text)
      values (${f.workspaceA}, ${f.conversationA}, ${f.leadA}, 'telegram', 'matrix:2', 'bot', 'Добрый день!')`,
    update: (tx, f) => tx`update public.messages set intent = 'price' where id = ${f.messageA}`,
    delete: (tx, f) => tx`delete from public.messages where id = ${f.messageA}`,
  },
  market_research: {
    select: (tx, f) => tx`select id from public.market_research where id = ${f.researchA}`,
    insert: (tx, f) => tx`insert into public.market_research (workspace_id, niche_id, data_type)
      values (${f.workspaceA}, ${f.nicheA}, 'kaspi_prices')`,
    update: (tx, f) => tx`update public.market_research set region = 'Astana' where id = ${f.researchA}`,
    delete: (tx, f) => tx`delete from public.market_research where id = ${f.researchA}`,
  },
  events: {
    select: (tx, f) => tx`select id from public.events where id = ${f.eventA}`,
    insert: (tx, f) => tx`insert into public.events (workspace_id, actor_kind, entity_type, entity_id, action)
      values (${f.workspaceA}, 'system', 'lead', ${f.leadA}, 'noted')`,
    update: (tx, f) => tx`update public.events set action = 'rewritten' where id = ${f.eventA}`,
    delete: (tx, f) => tx`delete from public.events where id = ${f.eventA}`,
  },
  campaign_daily_stats: {
    select: (tx, f) => tx`select campaign_id from public.campaign_daily_stats
      where campaign_id = ${f.campaignA} and day = ${f.statsDay}`,
    insert: (tx, f) => tx`insert into public.campaign_daily_stats (workspace_id, campaign_id, day)
      values (${f.workspaceA}, ${f.campaignA}, '2026-01-02')`,
    update: (tx, f) => tx`update public.campaign_daily_stats set leads = 5
      where campaign_id = ${f.campaignA} and day = ${f.statsDay}`,
    delete: (tx, f) =>
      tx`delete from public.campaign_daily_stats where campaign_id = ${f.campaignA} and day = ${f.statsDay}`,
  },
  channels: {
    select: (tx, f) => tx`select id from public.channels where id = ${f.channelA}`,
    insert: (tx, f) => tx`insert into public.channels (workspace_id, provider, platform, name, external_id)
      values (${f.workspaceA}, 'waha', 'whatsapp', 'Office WhatsApp', 'matrix-session')`,
    update: (tx, f) => tx`update public.channels set name = 'Renamed bot' where id = ${f.channelA}`,
    delete: (tx, f) => tx`delete from public.channels where id = ${f.channelA}`,
  },
  tracking_codes: {
    select: (tx, f) => tx`select id from public.tracking_codes where id = ${f.trackingCodeA}`,
    insert: (tx, f) => tx`insert into public.tracking_codes (workspace_id, code, campaign_id)
      values (${f.workspaceA}, 'matrix_code', ${f.campaignA})`,
    update: (tx, f) => tx`update public.tracking_codes set ad_id = null where id = ${f.trackingCodeA}`,
    delete: (tx, f) => tx`delete from public.tracking_codes where id = ${f.trackingCodeA}`,
  },
  qualification_scripts: {
    select: (tx, f) => tx`select id from public.qualification_scripts where id = ${f.scriptA}`,
    insert: (tx, f) => tx`insert into public.qualification_scripts (workspace_id, niche_id, script)
      values (${f.workspaceA}, ${f.nicheA}, '{"questions": []}')`,
    update: (tx, f) => tx`update public.qualification_scripts set name = 'Renamed' where id = ${f.scriptA}`,
    delete: (tx, f) => tx`delete from public.qualification_scripts where id = ${f.scriptA}`,
  },
  outbound_messages: {
    select: (tx, f) => tx`select id from public.outbound_messages where id = ${f.outboundA}`,
    insert: (tx, f) => tx`insert into public.outbound_messages
      (workspace_id, conversation_id, lead_id, channel_id, sender, text, idempotency_key)
      values (${f.workspaceA}, ${f.conversationA}, ${f.leadA}, ${f.channelA}, 'bot', 'Forged', 'matrix:1')`,
    update: (tx, f) => tx`update public.outbound_messages set text = 'Rewritten' where id = ${f.outboundA}`,
    delete: (tx, f) => tx`delete from public.outbound_messages where id = ${f.outboundA}`,
  },
  parser_tasks: {
    select: (tx, f) => tx`select id from public.parser_tasks where id = ${f.parserTaskA}`,
    insert: (tx, f) => tx`insert into public.parser_tasks (workspace_id, kind, input)
      values (${f.workspaceA}, 'parse', '{"urls": ["https://satu.kz/"]}')`,
    update: (tx, f) => tx`update public.parser_tasks set status = 'cancelled', finished_at = now()
      where id = ${f.parserTaskA}`,
    delete: (tx, f) => tx`delete from public.parser_tasks where id = ${f.parserTaskA}`,
  },
  parsed_sites: {
    select: (tx, f) => tx`select id from public.parsed_sites where id = ${f.parsedSiteA}`,
    insert: (tx, f) => tx`insert into public.parsed_sites (workspace_id, task_id, url, domain, site, kind)
      values (${f.workspaceA}, ${f.parserTaskA}, 'https://satu.kz/', 'satu.kz', 'satu', 'unknown')`,
    update: (tx, f) => tx`update public.parsed_sites set title = 'Forged' where id = ${f.parsedSiteA}`,
    delete: (tx, f) => tx`delete from public.parsed_sites where id = ${f.parsedSiteA}`,
  },
  parsed_products: {
    select: (tx, f) => tx`select id from public.parsed_products where id = ${f.parsedProductA}`,
    insert: (
      tx,
      f,
    ) => tx`insert into public.parsed_products (workspace_id, task_id, parsed_site_id, site, title)
      values (${f.workspaceA}, ${f.parserTaskA}, ${f.parsedSiteA}, 'olx', 'Forged ad')`,
    update: (tx, f) => tx`update public.parsed_products set price = 1 where id = ${f.parsedProductA}`,
    delete: (tx, f) => tx`delete from public.parsed_products where id = ${f.parsedProductA}`,
  },
};

function actorOf(role: Role, f: MatrixFixture): Actor {
  switch (role) {
    case "anon":
      return { role: "anon" };
    case "service":
      return { role: "service_role" };
    case "sales":
      return { role: "authenticated", userId: f.users.sales };
    default:
      return { role: "authenticated", userId: f.users[role] };
  }
}

interface Cell {
  table: string;
  role: Role;
  operation: Operation;
  /** "✓", "✗" or the SQLSTATE of the rule that denies it. */
  expected: string;
}

function cellsOf(table: string, byOperation: Record<Operation, string>): Cell[] {
  return operations.flatMap((operation) => {
    const marks = byOperation[operation].trim().split(/\s+/);
    if (marks.length !== roles.length)
      throw new Error(`${table}.${operation}: expected ${roles.length} marks, got ${marks.length}`);
    return roles.map((role, index) => ({ table, role, operation, expected: marks[index]! }));
  });
}

const cells = Object.entries(expectations).flatMap(([table, byOperation]) => cellsOf(table, byOperation));

describe("RLS matrix", () => {
  let db: TestDatabase;
  let fixture: MatrixFixture;
  let seeded: Fixture;
  useTwoWorkspaces((two) => {
    ({ db, f: seeded } = two);
  });
  beforeAll(async () => {
    fixture = { ...seeded, ...(await seedLeadCaptureRows(db.sql, seeded)) };
  });

  it("covers every table of the public schema", async () => {
    const tables = await db.sql<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`;
    expect(Object.keys(expectations).sort()).toEqual(tables.map((t) => t.name));
    expect(Object.keys(statements).sort()).toEqual(tables.map((t) => t.name));
  });

  const namedCells = cells.map(
    (cell) => [`${cell.table} · ${cell.role} · ${cell.operation} → ${cell.expected}`, cell] as const,
  );
  it.each(namedCells)("%s", async (_name, { table, role, operation, expected }) => {
    const statement = statements[table]?.[operation];
    if (!statement) throw new Error(`no statement for ${table}.${operation}`);
    const outcome = await actAs(db.sql, actorOf(role, fixture), (tx) => statement(tx, fixture));
    const cell = `${table} · ${role} · ${operation}: expected ${expected}, Postgres answered ${describeOutcome(outcome)}`;
    if (expected === "✓") {
      expect(outcome, cell).toEqual({ kind: "rows", count: 1 });
    } else if (expected === "✗") {
      const denied = outcome.kind === "rows" ? outcome.count === 0 : outcome.code === "42501";
      expect(denied, cell).toBe(true);
    } else {
      expect(outcome.kind === "error" ? outcome.code : "no error", cell).toBe(expected);
    }
  });
});

describe("access rules the matrix does not show", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  it("only owners add owners: an admin's attempt is refused, an owner's succeeds", async () => {
    const add = (tx: TransactionSql) => tx`insert into public.workspace_members (workspace_id, user_id, role)
      values (${f.workspaceA}, ${f.users.newcomer}, 'owner')`;
    expect(await actAs(db.sql, asUser(f.users.admin), add)).toMatchObject({ kind: "error", code: "42501" });
    expect(await actAs(db.sql, asUser(f.users.owner), add)).toEqual({ kind: "rows", count: 1 });
  });

  it("an admin can neither promote a member to owner nor demote or remove an owner", async () => {
    const promote = (tx: TransactionSql) => tx`update public.workspace_members set role = 'owner'
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.viewer}`;
    const demote = (tx: TransactionSql) => tx`update public.workspace_members set role = 'viewer'
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.owner}`;
    const remove = (tx: TransactionSql) => tx`delete from public.workspace_members
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.owner}`;
    expect(await actAs(db.sql, asUser(f.users.admin), promote)).toMatchObject({
      kind: "error",
      code: "42501",
    });
    expect(await actAs(db.sql, asUser(f.users.admin), demote)).toEqual({ kind: "rows", count: 0 });
    expect(await actAs(db.sql, asUser(f.users.admin), remove)).toEqual({ kind: "rows", count: 0 });
  });

  it("any member may leave a workspace", async () => {
    const leave = (tx: TransactionSql) => tx`delete from public.workspace_members
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.viewer}`;
    expect(await actAs(db.sql, asUser(f.users.viewer), leave)).toEqual({ kind: "rows", count: 1 });
  });

  it("the last owner can neither leave nor step down until another owner exists", async () => {
    const leave = (tx: TransactionSql) => tx`delete from public.workspace_members
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.owner}`;
    const stepDown = (tx: TransactionSql) => tx`update public.workspace_members set role = 'admin'
      where workspace_id = ${f.workspaceA} and user_id = ${f.users.owner}`;
    const refused = { kind: "error", code: "23001" };
    expect(await actAs(db.sql, asUser(f.users.owner), leave)).toMatchObject(refused);
    expect(await actAs(db.sql, asUser(f.users.owner), stepDown)).toMatchObject(refused);
    const afterHandover = await actAs(db.sql, asUser(f.users.owner), async (tx) => {
      await tx`update public.workspace_members set role = 'owner'
        where workspace_id = ${f.workspaceA} and user_id = ${f.users.admin}`;
      return leave(tx);
    });
    expect(afterHandover).toEqual({ kind: "rows", count: 1 });
  });

  it("a sales member reads their own client's row, no other client and no lead rows", async () => {
    const seen = await asActorRolledBack(db.sql, asUser(f.users.sales), async (tx) => ({
      clients: await tx<{ id: string }[]>`select id from public.clients order by name`,
      leads: await tx`select id from public.leads`,
      workspaces: await tx`select id from public.workspaces`,
    }));
    expect(seen.clients.map((c) => c.id)).toEqual([f.clientA1]);
    expect(seen.leads).toHaveLength(0);
    expect(seen.workspaces).toHaveLength(0);
  });

  it("members see only their own workspace's rows in every table", async () => {
    const counts = (userId: string) =>
      asActorRolledBack(db.sql, asUser(userId), async (tx) => {
        const rows = await tx<{ workspace_id: string }[]>`
          select workspace_id from public.niches union all select workspace_id from public.campaigns
          union all select workspace_id from public.leads union all select workspace_id from public.clients
          union all select workspace_id from public.events union all select workspace_id from public.workspace_members`;
        return new Set(rows.map((r) => r.workspace_id));
      });
    expect([...(await counts(f.users.owner))]).toEqual([f.workspaceA]);
    expect([...(await counts(f.users.outsider))]).toEqual([f.workspaceB]);
  });

  it("a role in one workspace grants nothing in another: a viewer of B cannot write to B", async () => {
    await db.sql`insert into public.workspace_members (workspace_id, user_id, role)
      values (${f.workspaceB}, ${f.users.operator}, 'viewer')`;
    const addLeadToB = (
      tx: TransactionSql,
    ) => tx`insert into public.leads (workspace_id, source_platform, name)
      values (${f.workspaceB}, 'manual', 'Sneaked in')`;
    const addLeadToA = (
      tx: TransactionSql,
    ) => tx`insert into public.leads (workspace_id, source_platform, name)
      values (${f.workspaceA}, 'manual', 'Walk-in')`;
    expect(await actAs(db.sql, asUser(f.users.operator), addLeadToB)).toMatchObject({
      kind: "error",
      code: "42501",
    });
    expect(await actAs(db.sql, asUser(f.users.operator), addLeadToA)).toEqual({ kind: "rows", count: 1 });
  });

  it("an operator writes messages as themselves or unattributed, never as another user", async () => {
    const addAs = (senderUserId: string | null) => (tx: TransactionSql) =>
      tx`
      insert into public.messages (workspace_id, conversation_id, lead_id, platform, sender, sender_user_id, text)
      values (${f.workspaceA}, ${f.conversationA}, ${f.leadA}, 'telegram', 'human', ${senderUserId}, 'Перезвоню')`;
    const attributeTo = (senderUserId: string) => (tx: TransactionSql) =>
      tx`
      update public.messages set sender = 'human', sender_user_id = ${senderUserId} where id = ${f.messageA}`;
    const operator = asUser(f.users.operator);
    expect(await actAs(db.sql, operator, addAs(f.users.operator))).toEqual({ kind: "rows", count: 1 });
    expect(await actAs(db.sql, operator, addAs(null))).toEqual({ kind: "rows", count: 1 });
    expect(await actAs(db.sql, operator, addAs(f.users.owner))).toMatchObject({
      kind: "error",
      code: "42501",
    });
    expect(await actAs(db.sql, operator, attributeTo(f.users.operator))).toEqual({ kind: "rows", count: 1 });
    expect(await actAs(db.sql, operator, attributeTo(f.users.owner))).toMatchObject({
      kind: "error",
      code: "42501",
    });
  });

  it("service_role reads the schedule registry but cannot write it (its commands run as the owner)", async () => {
    const service: Actor = { role: "service_role" };
    const read = (tx: TransactionSql) =>
      tx`select name from private.schedules where name = 'messaging-sweep'`;
    const add = (tx: TransactionSql) => tx`insert into private.schedules (name, cron, command)
      values ('escalate', '* * * * *', 'alter role service_role superuser')`;
    const rewrite = (tx: TransactionSql) => tx`update private.schedules set command = 'select 1'`;
    const remove = (tx: TransactionSql) => tx`delete from private.schedules`;
    expect(await actAs(db.sql, service, read)).toEqual({ kind: "rows", count: 1 });
    for (const write of [add, rewrite, remove]) {
      expect(await actAs(db.sql, service, write)).toMatchObject({ kind: "error", code: "42501" });
    }
  });

  it("channel secrets are out of reach of every role but service_role", async () => {
    const { channelA } = await seedLeadCaptureRows(db.sql, f);
    const read = (tx: TransactionSql) =>
      tx`select bot_token from private.channel_secrets where channel_id = ${channelA}`;
    const rewrite = (tx: TransactionSql) =>
      tx`update private.channel_secrets set bot_token = 'stolen' where channel_id = ${channelA}`;
    const signedIn = [
      f.users.owner,
      f.users.admin,
      f.users.operator,
      f.users.viewer,
      f.users.sales,
      f.users.outsider,
    ];
    const anon: Actor = { role: "anon" };
    for (const actor of [anon, ...signedIn.map(asUser)]) {
      for (const statement of [read, rewrite]) {
        const outcome = await actAs(db.sql, actor, statement);
        expect(outcome, `${actor.role} ${actor.userId ?? ""}`).toMatchObject({
          kind: "error",
          code: "42501",
        });
      }
    }
    expect(await actAs(db.sql, { role: "service_role" }, read)).toEqual({ kind: "rows", count: 1 });
  });

  it("a row cannot point at another workspace's row, whoever writes it", async () => {
    const leadWithForeignCampaign = (tx: TransactionSql) => tx`
      insert into public.leads (workspace_id, campaign_id, source_platform) values (${f.workspaceA}, ${f.campaignB}, 'olx')`;
    expect(await actAs(db.sql, { role: "service_role" }, leadWithForeignCampaign)).toMatchObject({
      kind: "error",
      code: "23503",
    });
  });
});
