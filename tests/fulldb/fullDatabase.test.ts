import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../packages/local/src/database/pushMigrations.ts";
import { bootstrapPlatform, pushMigrations } from "../../packages/local/src/index.ts";
import { repoRoot } from "../../packages/local/src/paths.ts";

function runPgProve(databaseUrl: string, files: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      "pg_prove",
      ["--dbname", databaseUrl, "--verbose", ...files],
      { env: { ...process.env, PGOPTIONS: "-c search_path=public,extensions" } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
        done({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/**
 * The full-database check: migrations on Debian's PostgreSQL 15 with pg_cron preloaded and pgTAP installed
 * (`scripts/fulldb-postgres.sh start` prints the URL for ARQAN_FULLDB_URL; .ci/run does it). Locally it may be
 * skipped with ARQAN_SKIP_SLOW=1; under CI a missing server fails the run.
 */
const url = process.env.ARQAN_FULLDB_URL;
const skipLocally = !url && process.env.CI !== "true" && process.env.ARQAN_SKIP_SLOW === "1";

describe.skipIf(skipLocally)("full database (PostgreSQL 15 + pg_cron + pgTAP)", () => {
  let sql: postgres.Sql;

  beforeAll(async () => {
    if (!url)
      throw new Error(
        "ARQAN_FULLDB_URL is not set: run `scripts/fulldb-postgres.sh start` (or ARQAN_SKIP_SLOW=1 locally)",
      );
    sql = postgres(url, { max: 2, onnotice: () => {} });
    await bootstrapPlatform(sql);
    await pushMigrations(url);
  }, 180_000);
  afterAll(async () => {
    await sql?.end({ timeout: 1 });
  });

  it("hands every registered schedule to pg_cron", async () => {
    const registered = await sql<{ name: string; cron: string; command: string }[]>`
      select name, cron, command from private.schedules order by name`;
    const jobs = await sql<{ jobname: string; schedule: string; command: string }[]>`
      select jobname, schedule, command from cron.job order by jobname`;
    expect(registered.length).toBeGreaterThan(0);
    expect(jobs.map((j) => ({ name: j.jobname, cron: j.schedule, command: j.command }))).toEqual(
      registered.map((r) => ({ name: r.name, cron: r.cron, command: r.command })),
    );
  });

  // `supabase test db --remote` (CLI 3.1.0) still runs pg_prove inside a Docker image, and there is no Docker
  // engine here, so the same runner is used directly: Debian's pg_prove over supabase/tests.
  it("passes the pgTAP tests (pg_prove over supabase/tests)", async () => {
    await sql`create extension if not exists pgtap with schema extensions`;
    const files = (await readdir(resolve(repoRoot, "supabase/tests")))
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const result = await runPgProve(
      url ?? "",
      files.map((f) => resolve(repoRoot, "supabase/tests", f)),
    );
    expect(result.output, result.output).toMatch(/Result: PASS/);
    expect(result.code, result.output).toBe(0);
  }, 180_000);

  it("has no security advisor warnings (supabase db advisors)", async () => {
    const { code, output } = await runCli([
      "db",
      "advisors",
      `--remote=${url}`,
      "--type",
      "security",
      "--level",
      "warn",
      "--fail-on",
      "warn",
    ]);
    expect(code, output).toBe(0);
  }, 120_000);
});
