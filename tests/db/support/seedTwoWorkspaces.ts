import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

/** The people of the fixture, each an auth.users id. */
export interface FixtureUsers {
  owner: string;
  admin: string;
  operator: string;
  viewer: string;
  /** A second viewer of workspace A: the member the matrix promotes and removes. */
  extraMember: string;
  /** A sales person of client A1 (not a workspace member). */
  sales: string;
  /** The owner of workspace B, a stranger to workspace A. */
  outsider: string;
  /** A user with no membership anywhere: the one the matrix adds. */
  newcomer: string;
}

/** Workspace A, fully populated, and workspace B with a lead of its own. */
export interface Fixture {
  users: FixtureUsers;
  workspaceA: string;
  workspaceB: string;
  /** A client of A with the sales member and the handed-off lead. */
  clientA1: string;
  /** A client of A with no leads (deletable). */
  clientA2: string;
  clientB1: string;
  nicheA: string;
  /** A niche of A with no campaigns (deletable). */
  nicheA2: string;
  nicheB: string;
  campaignA: string;
  campaignB: string;
  adA: string;
  /** Handed off to client A1. */
  leadA: string;
  leadB: string;
  identityA: string;
  conversationA: string;
  messageA: string;
  researchA: string;
  /** A parse task of A with one page read and one product on it. */
  parserTaskA: string;
  parsedSiteA: string;
  parsedProductA: string;
  /** The first event of workspace A (recorded by the audit triggers while seeding). */
  eventA: number;
  statsDay: string;
}

/** Inserts a user into auth.users as GoTrue would (superuser connection). */
export async function insertAuthUser(sql: Sql, email: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into auth.users (id, email, aud, role, email_confirmed_at) values
    (${id}, ${email}, 'authenticated', 'authenticated', now())`;
  return id;
}

/**
 * Seeds two workspaces through the superuser connection (bypassing RLS): A with one row in every table and a
 * member of each role, a client with a sales member and a lead handed off to it; B owned by an outsider.
 */
export async function seedTwoWorkspaces(sql: Sql): Promise<Fixture> {
  const tag = randomUUID().slice(0, 8);
  const user = (name: string) => insertAuthUser(sql, `${name}-${tag}@arqan.test`);
  const users: FixtureUsers = {
    owner: await user("owner"),
    admin: await user("admin"),
    operator: await user("operator"),
    viewer: await user("viewer"),
    extraMember: await user("extra"),
    sales: await user("sales"),
    outsider: await user("outsider"),
    newcomer: await user("newcomer"),
  };
  const id = () => randomUUID();
  const f = {
    workspaceA: id(),
    workspaceB: id(),
    clientA1: id(),
    clientA2: id(),
    clientB1: id(),
    nicheA: id(),
    nicheA2: id(),
    nicheB: id(),
    campaignA: id(),
    campaignB: id(),
    adA: id(),
    leadA: id(),
    leadB: id(),
    identityA: id(),
    conversationA: id(),
    messageA: id(),
    researchA: id(),
    parserTaskA: id(),
    parsedSiteA: id(),
    parsedProductA: id(),
    statsDay: "2026-01-01",
  };
  await sql.begin(async (tx) => {
    await tx`insert into public.workspaces (id, name, slug) values
      (${f.workspaceA}, 'Workspace A', ${`a-${tag}`}), (${f.workspaceB}, 'Workspace B', ${`b-${tag}`})`;
    await tx`insert into public.workspace_members (workspace_id, user_id, role) values
      (${f.workspaceA}, ${users.owner}, 'owner'),
      (${f.workspaceA}, ${users.admin}, 'admin'),
      (${f.workspaceA}, ${users.operator}, 'operator'),
      (${f.workspaceA}, ${users.viewer}, 'viewer'),
      (${f.workspaceA}, ${users.extraMember}, 'viewer'),
      (${f.workspaceB}, ${users.outsider}, 'owner')`;
    await tx`insert into public.clients (id, workspace_id, name, contact_phone) values
      (${f.clientA1}, ${f.workspaceA}, 'Client A1', '+77012223344'),
      (${f.clientA2}, ${f.workspaceA}, 'Client A2', null),
      (${f.clientB1}, ${f.workspaceB}, 'Client B1', null)`;
    await tx`insert into public.client_members (client_id, user_id, workspace_id) values
      (${f.clientA1}, ${users.sales}, ${f.workspaceA})`;
    await tx`insert into public.niches (id, workspace_id, name, query, city, status) values
      (${f.nicheA}, ${f.workspaceA}, 'Air conditioners', 'кондиционер', 'Almaty', 'active'),
      (${f.nicheA2}, ${f.workspaceA}, 'Ceilings', 'натяжной потолок', 'Astana', 'research'),
      (${f.nicheB}, ${f.workspaceB}, 'English courses', 'курсы английского', 'Shymkent', 'active')`;
    await tx`insert into public.campaigns (id, workspace_id, niche_id, name, platform, status, budget_kzt) values
      (${f.campaignA}, ${f.workspaceA}, ${f.nicheA}, 'AC on OLX', 'olx', 'active', 300000),
      (${f.campaignB}, ${f.workspaceB}, ${f.nicheB}, 'English on OLX', 'olx', 'active', 80000)`;
    await tx`insert into public.ads (id, workspace_id, campaign_id, platform, external_id, title, price_kzt, status) values
      (${f.adA}, ${f.workspaceA}, ${f.campaignA}, 'olx', ${`olx-${tag}`}, 'Кондиционер с установкой', 220000, 'active')`;
    await tx`insert into public.leads (id, workspace_id, campaign_id, source_platform, name, phone, language, status, score,
               qualification, client_id) values
      (${f.leadA}, ${f.workspaceA}, ${f.campaignA}, 'telegram', 'Айгерим', '+77011234567', 'ru', 'handed_off', 85,
       ${sql.json({ summary: "Needs two units installed in May" })}, ${f.clientA1}),
      (${f.leadB}, ${f.workspaceB}, ${f.campaignB}, 'olx', 'Данияр', '+77017654321', 'kk', 'new', null, '{}'::jsonb, null)`;
    await tx`insert into public.lead_identities (id, workspace_id, lead_id, kind, value) values
      (${f.identityA}, ${f.workspaceA}, ${f.leadA}, 'telegram', ${`tg-${tag}`})`;
    await tx`insert into public.conversations (id, workspace_id, lead_id, platform, external_chat_id) values
      (${f.conversationA}, ${f.workspaceA}, ${f.leadA}, 'telegram', ${`chat-${tag}`})`;
    await tx`insert into public.messages (id, workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text)
      values (${f.messageA}, ${f.workspaceA}, ${f.conversationA}, ${f.leadA}, 'telegram', ${`chat-${tag}:1`}, 'lead',
              'Здравствуйте, сколько стоит?')`;
    await tx`insert into public.market_research (id, workspace_id, niche_id, data_type, region, data) values
      (${f.researchA}, ${f.workspaceA}, ${f.nicheA}, 'olx_listings', 'Almaty', ${sql.json({ listings: 120 })})`;
    await tx`insert into public.parser_tasks (id, workspace_id, niche_id, kind, input) values
      (${f.parserTaskA}, ${f.workspaceA}, ${f.nicheA}, 'parse', ${sql.json({ urls: ["https://www.olx.kz/list/q-kondicioner/"] })})`;
    await tx`insert into public.parsed_sites (id, workspace_id, task_id, url, domain, site, kind) values
      (${f.parsedSiteA}, ${f.workspaceA}, ${f.parserTaskA}, 'https://www.olx.kz/list/q-kondicioner/', 'www.olx.kz', 'olx', 'listing')`;
    await tx`insert into public.parsed_products (id, workspace_id, task_id, parsed_site_id, site, external_id, title) values
      (${f.parsedProductA}, ${f.workspaceA}, ${f.parserTaskA}, ${f.parsedSiteA}, 'olx', ${`olx-${tag}`}, 'Кондиционер Gree')`;
    await tx`insert into public.campaign_daily_stats (workspace_id, campaign_id, day, leads) values
      (${f.workspaceA}, ${f.campaignA}, ${f.statsDay}, 1)`;
  });
  const [event] = await sql<{ id: string }[]>`
    select id::text from public.events where workspace_id = ${f.workspaceA} order by id limit 1`;
  if (!event) throw new Error("seedTwoWorkspaces: the audit triggers recorded no event for workspace A");
  return { ...f, users, eventA: Number(event.id) };
}

/**
 * For the enclosing describe block: a fresh database with the two seeded workspaces, handed to `receive` before
 * the tests run and dropped after them.
 */
export function useTwoWorkspaces(receive: (seeded: { db: TestDatabase; f: Fixture }) => void): void {
  let db: TestDatabase | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    receive({ db, f: await seedTwoWorkspaces(db.sql) });
  });
  afterAll(() => db?.drop());
}
