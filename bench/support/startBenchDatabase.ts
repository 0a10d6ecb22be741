import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres, { type Sql } from "postgres";
import {
  bootstrapPlatform,
  findFreePort,
  pushMigrations,
  startEmbeddedPostgres,
} from "../../packages/local/src/index.ts";

/** A fresh embedded Postgres with the platform bootstrap and every migration, for one benchmark. */
export async function startBenchDatabase(): Promise<{ url: string; sql: Sql; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "arqan-bench-"));
  const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  const sql = postgres(cluster.url, { max: 10, onnotice: () => {} });
  await bootstrapPlatform(sql);
  await pushMigrations(cluster.url);
  return {
    url: cluster.url,
    sql,
    async stop() {
      await sql.end({ timeout: 1 });
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Percentile of a sample (nearest-rank), in the sample's unit. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Prints the one line benchmark tooling compares run to run. */
export function printBench(result: Record<string, unknown> & { name: string }): void {
  console.log(`BENCH ${JSON.stringify(result)}`);
}
