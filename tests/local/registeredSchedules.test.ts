import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runRegisteredSchedules,
  type ScheduleRunner,
} from "../../packages/local/src/schedules/runRegisteredSchedules.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

/** Without pg_cron (embedded Postgres) the local stack runs the schedule registry itself. */
describe("registered schedules without pg_cron", () => {
  let db: TestDatabase;
  let runner: ScheduleRunner;
  const log: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql`create table public.schedule_ticks (at timestamptz not null default now())`;
    // The registry accepts pg_cron's five-field expressions only; this throwaway database also takes a
    // seconds field so the test need not wait a whole minute for a tick.
    await db.sql`alter table private.schedules drop constraint schedules_cron_five_fields`;
    await db.sql`insert into private.schedules (name, cron, command, description)
                 values ('tick-every-second', '* * * * * *', 'insert into public.schedule_ticks default values', 'test')`;
    runner = await runRegisteredSchedules(db.sql, (line) => log.push(line));
  });
  afterAll(async () => {
    runner?.stop();
    await db?.drop();
  });

  it("runs them in the local stack, including the real rollup job", () => {
    expect(runner.mode).toBe("local");
    expect(runner.schedules.map((s) => s.name)).toContain("rollup-campaign-daily-stats");
  });

  it("fires a schedule on its cron expression", async () => {
    await expect
      .poll(
        async () =>
          (await db.sql<{ n: number }[]>`select count(*)::int as n from public.schedule_ticks`)[0]?.n,
        {
          timeout: 5_000,
          interval: 200,
        },
      )
      .toBeGreaterThanOrEqual(2);
  });

  it("runs the rollup on demand and it fills the daily stats", async () => {
    const [workspace] = await db.sql<
      { id: string }[]
    >`insert into public.workspaces (name, slug) values ('W', 'w') returning id`;
    const ws = workspace?.id ?? "";
    const [niche] = await db.sql<{ id: string }[]>`
      insert into public.niches (workspace_id, name, query, city, status) values (${ws}, 'N', 'n', 'Almaty', 'active') returning id`;
    const [campaign] = await db.sql<{ id: string }[]>`
      insert into public.campaigns (workspace_id, niche_id, name, platform, status, budget_kzt)
      values (${ws}, ${niche?.id ?? ""}, 'C', 'olx', 'active', 1000) returning id`;
    await db.sql`insert into public.leads (workspace_id, campaign_id, source_platform, source_id, name, status)
                 select ${ws}, ${campaign?.id ?? ""}, 'olx', 's' || g, 'L' || g, 'new' from generate_series(1, 3) g`;
    await runner.runNow("rollup-campaign-daily-stats");
    const [stats] = await db.sql<{ leads: number }[]>`
      select sum(leads)::int as leads from public.campaign_daily_stats where campaign_id = ${campaign?.id ?? ""}`;
    expect(stats?.leads).toBe(3);
    expect(log.some((line) => line.includes("rollup-campaign-daily-stats ok"))).toBe(true);
  });
});
