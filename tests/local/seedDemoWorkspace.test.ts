import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLogin, seedDemoWorkspace } from "../../packages/local/src/seed/seedDemoWorkspace.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

/** `npm start` seeds the demo at every start: the second time must change nothing. */
describe("the demo workspace seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const counts = async () => {
    const [row] = await db.sql<Record<string, number>[]>`
      select (select count(*)::int from auth.users) as users,
             (select count(*)::int from public.workspaces) as workspaces,
             (select count(*)::int from public.workspace_members) as members,
             (select count(*)::int from public.niches) as niches,
             (select count(*)::int from public.campaigns) as campaigns,
             (select count(*)::int from public.leads) as leads,
             (select count(*)::int from public.clients) as clients`;
    return row;
  };

  it("creates an operator login, two workspaces, niches, campaigns and leads, and is idempotent", async () => {
    const login = await seedDemoWorkspace(db.sql);
    expect(login).toEqual(demoLogin);
    const first = await counts();
    expect(first).toMatchObject({ users: 1, workspaces: 2, members: 2, niches: 4, campaigns: 4, clients: 1 });
    expect(first?.leads).toBeGreaterThanOrEqual(20);
    await seedDemoWorkspace(db.sql);
    expect(await counts()).toEqual(first);
    const roles = await db.sql<{ slug: string; role: string }[]>`
      select w.slug, m.role::text as role from public.workspace_members m join public.workspaces w on w.id = m.workspace_id
      order by w.slug`;
    expect(roles).toEqual([
      { slug: "demo-almaty", role: "operator" },
      { slug: "demo-astana", role: "viewer" },
    ]);
  });

  it("hands leads off only to a client of the same workspace, with every status represented", async () => {
    const statuses = await db.sql<
      { status: string }[]
    >`select distinct status::text as status from public.leads order by 1`;
    expect(statuses.map((s) => s.status)).toEqual([
      "closed",
      "contacted",
      "disqualified",
      "handed_off",
      "new",
      "qualified",
    ]);
    const [mismatch] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from public.leads l join public.clients c on c.id = l.client_id
      where c.workspace_id <> l.workspace_id`;
    expect(mismatch?.n).toBe(0);
  });
});
