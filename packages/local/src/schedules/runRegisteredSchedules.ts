import { Cron } from "croner";
import type { Sql } from "postgres";
import { z } from "zod";

const scheduleSchema = z.object({ name: z.string(), cron: z.string(), command: z.string() });
export type RegisteredSchedule = z.infer<typeof scheduleSchema>;

export interface ScheduleRunner {
  /** "pg_cron" when the database runs the registry itself, "local" when this process does. */
  mode: "pg_cron" | "local";
  schedules: RegisteredSchedule[];
  /** Runs one registered schedule now (used by tests and `arqan` subcommands). */
  runNow(name: string): Promise<void>;
  stop(): void;
}

/** Reads the schedule registry (`private.schedules`), parsing each row. */
export async function readSchedules(sql: Sql): Promise<RegisteredSchedule[]> {
  const rows = await sql`select name, cron, command from private.schedules order by name`;
  return z.array(scheduleSchema).parse(rows);
}

/**
 * Where pg_cron is installed it runs the registry (the migrations hand every row to `cron.schedule`). Where it
 * is absent (embedded Postgres) this runs the same commands on the same cron expressions, one run at a time per
 * schedule, re-reading the registry every minute so schedules added by later migrations are picked up.
 */
export async function runRegisteredSchedules(sql: Sql, log: (line: string) => void): Promise<ScheduleRunner> {
  const [cron] = await sql<
    { present: boolean }[]
  >`select exists (select 1 from pg_extension where extname = 'pg_cron') as present`;
  const schedules = await readSchedules(sql);
  const runOnce = async (schedule: RegisteredSchedule) => {
    const started = Date.now();
    try {
      await sql.unsafe(schedule.command);
      log(`[schedule] ${schedule.name} ok in ${Date.now() - started} ms`);
    } catch (error) {
      log(`[schedule] ${schedule.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (cron?.present) {
    return {
      mode: "pg_cron",
      schedules,
      runNow: async (name) => {
        const schedule = schedules.find((s) => s.name === name);
        if (!schedule) throw new Error(`No schedule named ${name}`);
        await runOnce(schedule);
      },
      stop() {},
    };
  }
  const jobs = new Map<string, { schedule: RegisteredSchedule; job: Cron }>();
  const sync = (current: RegisteredSchedule[]) => {
    for (const [name, entry] of jobs) {
      const next = current.find((s) => s.name === name);
      if (!next || next.cron !== entry.schedule.cron || next.command !== entry.schedule.command) {
        entry.job.stop();
        jobs.delete(name);
      }
    }
    for (const schedule of current) {
      if (jobs.has(schedule.name)) continue;
      const job = new Cron(schedule.cron, { protect: true, timezone: "UTC" }, () => runOnce(schedule));
      jobs.set(schedule.name, { schedule, job });
    }
  };
  sync(schedules);
  const refresh = setInterval(() => {
    readSchedules(sql)
      .then(sync)
      .catch((error: unknown) =>
        log(`[schedule] registry unreadable: ${error instanceof Error ? error.message : String(error)}`),
      );
  }, 60_000);
  refresh.unref();
  return {
    mode: "local",
    schedules,
    runNow: async (name) => {
      const entry = jobs.get(name);
      if (!entry) throw new Error(`No schedule named ${name}`);
      await runOnce(entry.schedule);
    },
    stop() {
      clearInterval(refresh);
      for (const { job } of jobs.values()) job.stop();
      jobs.clear();
    },
  };
}
