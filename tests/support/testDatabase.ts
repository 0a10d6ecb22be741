import { randomBytes } from "node:crypto";
import postgres, { type Sql } from "postgres";
import { inject } from "vitest";

export interface TestDatabase {
  /** Superuser URL of a fresh database with the platform bootstrap and every migration applied. */
  url: string;
  /** A superuser connection to it (bypasses RLS: use it to arrange data, never to assert on RLS). */
  sql: Sql;
  drop(): Promise<void>;
}

/** Clones the migrated template into a database of its own, so each test file starts from zero. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const clusterUrl = inject("clusterUrl");
  const template = inject("templateDatabase");
  const name = `arqan_test_${randomBytes(5).toString("hex")}`;
  const admin = postgres(clusterUrl, { max: 1, onnotice: () => {} });
  // Cloning needs the template idle; retry briefly if another worker is cloning it right now.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = withDatabase(clusterUrl, name);
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  return {
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 1 });
      const dropper = postgres(clusterUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
