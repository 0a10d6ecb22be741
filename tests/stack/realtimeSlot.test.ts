import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import { startApiServer } from "../../packages/local/src/api/startApiServer.ts";
import {
  bootstrapPlatform,
  type EmbeddedPostgresHandle,
  findFreePort,
  pushMigrations,
  startEmbeddedPostgres,
} from "../../packages/local/src/index.ts";

/**
 * Realtime's replication slot must follow the WAL even when only tables outside the publication are written
 * (jobs, rollups, audit), or Postgres keeps every WAL segment since the stack started. A server of its own with a
 * short `wal_sender_timeout` makes the keepalives come every second.
 */
describe("Realtime replication slot", () => {
  let dataDir: string;
  let cluster: EmbeddedPostgresHandle;
  let sql: postgres.Sql;
  let close: () => Promise<void>;
  let apiUrl: string;
  let anonKey: string;
  let jwtSecret: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "arqan-slot-"));
    await chmod(dataDir, 0o755);
    cluster = await startEmbeddedPostgres({
      dataDir: join(dataDir, "pg"),
      port: await findFreePort(),
      settings: { wal_sender_timeout: "2s" },
    });
    sql = postgres(cluster.url, { max: 4, onnotice: () => {} });
    await bootstrapPlatform(sql);
    await pushMigrations(cluster.url);
    jwtSecret = "slot-test-secret-with-at-least-32-characters";
    const api = await startApiServer({ databaseUrl: cluster.url, jwtSecret, port: 0, sql });
    apiUrl = api.apiUrl;
    anonKey = api.anonKey;
    close = () => api.close();
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await sql?.end({ timeout: 1 });
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("confirms WAL written to unpublished tables, so the slot does not pin it", async () => {
    const token = await signJwt({ role: "service_role" }, jwtSecret, 600);
    const client = createClient(apiUrl, anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      accessToken: async () => token,
    });
    await client.realtime.setAuth();
    await new Promise<void>((resolve) => {
      client
        .channel("slot")
        .on("postgres_changes", { event: "*", schema: "public", table: "leads" }, () => {})
        .subscribe((status) => status === "SUBSCRIBED" && resolve());
    });
    await sql`create table public.unpublished_noise (id bigint generated always as identity, body text)`;
    await sql`insert into public.unpublished_noise (body) select repeat('x', 200) from generate_series(1, 20000)`;
    const [written] = await sql<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    await expect
      .poll(
        async () => {
          const [slot] = await sql<{ behind: string | null }[]>`
            select pg_wal_lsn_diff(${written?.lsn ?? "0/0"}::pg_lsn, confirmed_flush_lsn)::text as behind
            from pg_replication_slots where slot_type = 'logical' order by active desc limit 1`;
          return Number(slot?.behind ?? Number.POSITIVE_INFINITY);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeLessThanOrEqual(0);
    await client.removeAllChannels();
  }, 60_000);
});
