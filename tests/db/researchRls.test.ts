import type { TransactionSql } from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Actor, actAs, asActorRolledBack, asUser } from "./support/actAs.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

/**
 * Who sees market research: the members of the workspace (viewer and up) read its tasks, pages and products and the
 * task summary; a client's sales people, other workspaces and anon see nothing. (Writes are refused to everyone
 * but service_role: tests/db/rlsMatrix.test.ts.)
 */
describe("who sees market research", () => {
  let db: TestDatabase;
  let f: Fixture;
  let taskB: string;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });
  beforeAll(async () => {
    const [row] = await db.sql<{ id: string }[]>`insert into public.parser_tasks (workspace_id, kind, input)
      values (${f.workspaceB}, 'niche', '{"query": "курсы английского", "city": "Shymkent"}') returning id`;
    taskB = row!.id;
  });

  const everything = (tx: TransactionSql) =>
    tx<{ source: string; id: string }[]>`
      select 'task' as source, id from public.parser_tasks
      union all select 'page', id from public.parsed_sites
      union all select 'product', id from public.parsed_products
      order by 1, 2`;

  it("shows a workspace's tasks, pages and products to each of its members", async () => {
    for (const member of [f.users.viewer, f.users.operator, f.users.admin, f.users.owner]) {
      const seen = await asActorRolledBack(db.sql, asUser(member), everything);
      expect(seen).toEqual([
        { source: "page", id: f.parsedSiteA },
        { source: "product", id: f.parsedProductA },
        { source: "task", id: f.parserTaskA },
      ]);
    }
  });

  it("shows another workspace only its own research", async () => {
    const seen = await asActorRolledBack(db.sql, asUser(f.users.outsider), everything);
    expect(seen).toEqual([{ source: "task", id: taskB }]);
  });

  it("shows a client's sales people nothing", async () => {
    expect(await asActorRolledBack(db.sql, asUser(f.users.sales), everything)).toEqual([]);
  });

  it("refuses anon outright", async () => {
    const anon: Actor = { role: "anon" };
    for (const table of ["parser_tasks", "parsed_sites", "parsed_products"]) {
      const read = (tx: TransactionSql) => tx`select id from ${tx(`public.${table}`)}`;
      expect(await actAs(db.sql, anon, read)).toMatchObject({ kind: "error", code: "42501" });
    }
  });

  it("sums a task up for its members only", async () => {
    const summarize = (tx: TransactionSql) =>
      tx`select public.parser_task_summary(${f.parserTaskA}) as summary`;
    const summary = await asActorRolledBack(db.sql, asUser(f.users.viewer), summarize);
    expect(summary).toEqual([
      {
        summary: expect.objectContaining({ task_id: f.parserTaskA, status: "queued", pages: 1, products: 1 }),
      },
    ]);
    for (const stranger of [f.users.outsider, f.users.sales]) {
      expect(await actAs(db.sql, asUser(stranger), summarize)).toMatchObject({
        kind: "error",
        code: "P0002",
        message: "parser_task_not_found",
      });
    }
    expect(await actAs(db.sql, { role: "anon" }, summarize)).toMatchObject({ kind: "error", code: "42501" });
  });

  it("keeps the worker's functions to service_role", async () => {
    const workerCalls = [
      (tx: TransactionSql) => tx`select * from private.claim_parser_task('intruder')`,
      (tx: TransactionSql) =>
        tx`select private.report_parser_progress(${f.parserTaskA}, 'intruder', 1, 1, 0, 0)`,
      (tx: TransactionSql) =>
        tx`select private.record_parsed_page(${f.parserTaskA}, 'intruder', '{"url": "https://satu.kz/"}')`,
      (tx: TransactionSql) => tx`select private.complete_parser_task(${f.parserTaskA}, 'intruder', 'done')`,
      (tx: TransactionSql) =>
        tx`select private.fail_parser_task(${f.parserTaskA}, 'intruder', '{"code": "x", "message": "y"}')`,
    ];
    const anon: Actor = { role: "anon" };
    for (const call of workerCalls) {
      for (const actor of [asUser(f.users.owner), anon]) {
        expect(await actAs(db.sql, actor, call)).toMatchObject({ kind: "error", code: "42501" });
      }
    }
    const claimAsService = await actAs(db.sql, { role: "service_role" }, workerCalls[0]!);
    expect(claimAsService).toEqual({ kind: "rows", count: 1 });
  });

  it("streams task changes to the dashboard with their whole old rows", async () => {
    const [published] = await db.sql<{ published: boolean; identity: string }[]>`
      select exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime'
                       and schemaname = 'public' and tablename = 'parser_tasks') as published,
             (select relreplident from pg_class where oid = 'public.parser_tasks'::regclass)::text as identity`;
    expect(published).toEqual({ published: true, identity: "f" });
  });
});
