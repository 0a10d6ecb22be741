import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import {
  bootstrapPlatform,
  findFreePort,
  pushMigrations,
  startEmbeddedPostgres,
} from "../../packages/local/src/index.ts";
import { withDatabase } from "./testDatabase.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster's maintenance database. */
    clusterUrl: string;
    /** Name of the database holding the platform bootstrap and every migration, cloned per test file. */
    templateDatabase: string;
  }
}

/**
 * One real Postgres per test run: embedded Postgres 17 in a temporary folder (or TEST_DATABASE_URL's server),
 * the platform bootstrap and all migrations applied by the Supabase CLI into a template database that each
 * test file clones (`createTestDatabase`).
 */
export default async function setup(project: TestProject) {
  const template = "arqan_template";
  let clusterUrl = process.env.TEST_DATABASE_URL;
  let stopCluster: () => Promise<void> = async () => {};
  let dataDir: string | null = null;
  if (!clusterUrl) {
    dataDir = await mkdtemp(join(tmpdir(), "arqan-test-pg-"));
    const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    clusterUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const admin = postgres(clusterUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template} with (force)`);
  await admin.unsafe(`create database ${template}`);
  await admin.end();
  const templateUrl = withDatabase(clusterUrl, template);
  const sql = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await bootstrapPlatform(sql);
  await sql.end();
  await pushMigrations(templateUrl);

  project.provide("clusterUrl", clusterUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await stopCluster();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
