import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationFailedError, pushMigrations } from "../../packages/local/src/index.ts";
import { repoRoot } from "../../packages/local/src/paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

/** A migration that fails half-way must leave the database as it was, and the error must name it. */
describe("a failing migration", () => {
  let db: TestDatabase;
  let workdir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    workdir = await mkdtemp(join(tmpdir(), "arqan-bad-migration-"));
    await cp(resolve(repoRoot, "supabase"), join(workdir, "supabase"), {
      recursive: true,
      filter: (source) => !source.includes(".temp"),
    });
    await writeFile(
      join(workdir, "supabase/migrations/29990101000000_broken.sql"),
      "create table public.half_done (id int primary key);\ninsert into public.half_done values (1);\nselect 1/0;\n",
    );
  });
  afterAll(async () => {
    await db.drop();
    await rm(workdir, { recursive: true, force: true });
  });

  it("is named with the database error, and nothing of it is kept", async () => {
    const error = await pushMigrations(db.url, { workdir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failure = error as MigrationFailedError;
    expect(failure.migration).toBe("29990101000000_broken.sql");
    expect(failure.message).toMatch(/division by zero/);
    const [table] = await db.sql<
      { exists: boolean }[]
    >`select to_regclass('public.half_done') is not null as exists`;
    expect(table?.exists).toBe(false);
    const history = await db.sql<{ version: string }[]>`
      select version from supabase_migrations.schema_migrations where version = '29990101000000'`;
    expect(history).toHaveLength(0);
  });

  it("leaves earlier migrations applied and a retry after the fix succeeds", async () => {
    await writeFile(
      join(workdir, "supabase/migrations/29990101000000_broken.sql"),
      "create table public.half_done (id int primary key);\n",
    );
    const { applied } = await pushMigrations(db.url, { workdir });
    expect(applied).toEqual(["29990101000000_broken.sql"]);
    const [table] = await db.sql<
      { exists: boolean }[]
    >`select to_regclass('public.half_done') is not null as exists`;
    expect(table?.exists).toBe(true);
  });
});
