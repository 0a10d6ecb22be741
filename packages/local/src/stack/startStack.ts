import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import postgres from "postgres";
import { acquireStackLock, type StackLock } from "../acquireStackLock.ts";
import { createApiKeys } from "../api/jwt.ts";
import { startApiServer } from "../api/startApiServer.ts";
import { bootstrapPlatform } from "../database/bootstrapPlatform.ts";
import { pushMigrations } from "../database/pushMigrations.ts";
import { proxyProjectFunctions } from "../functions/createFunctionsProxy.ts";
import { readMessagingEnv } from "../functions/readMessagingEnv.ts";
import { relayFunctionRequests } from "../functions/relayFunctionRequests.ts";
import { type EdgeFunctionsHandle, startEdgeFunctions } from "../functions/startEdgeFunctions.ts";
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from "../postgres/startEmbeddedPostgres.ts";
import { runRegisteredSchedules, type ScheduleRunner } from "../schedules/runRegisteredSchedules.ts";
import { seedDemoWorkspace } from "../seed/seedDemoWorkspace.ts";
import { buildDashboard } from "../web/buildDashboard.ts";
import { serveDashboard } from "../web/serveDashboard.ts";
import type { StackConfig } from "./readStackConfig.ts";

export interface RunningStack {
  apiUrl: string;
  dashboardUrl: string;
  functionsUrl: string;
  /** The scraper's HTTP service (POST /parse, bearer: the service role key unless ARQAN_SCRAPER_TOKEN is set). */
  scraperUrl: string;
  databaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  login: { email: string; password: string } | null;
  schedules: ScheduleRunner;
  /** Milliseconds from the call to ready, by phase. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Brings up the local stack: Postgres (embedded or DATABASE_URL), Supabase's platform objects where missing,
 * migrations through the Supabase CLI, Edge Functions under Deno, the API stand-in, the schedules, the demo seed
 * and the dashboard. Everything started is stopped again if a later step fails, and by `stop()`.
 */
export async function startStack(config: StackConfig, log: (line: string) => void): Promise<RunningStack> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const mark = (phase: string) => {
    timings[phase] = Math.round(performance.now() - started);
  };
  const cleanups: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`[stop] ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    cleanups.length = 0;
  };

  await mkdir(config.dataDir, { recursive: true });
  const lock: StackLock = await acquireStackLock(resolve(config.dataDir, "arqan.lock"));
  cleanups.push(() => lock.release());
  try {
    let databaseUrl = config.databaseUrl;
    let embedded: EmbeddedPostgresHandle | null = null;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: resolve(config.dataDir, "postgres"),
        port: config.dbPort,
        onLog: config.verbose ? (line) => log(`[postgres] ${line}`) : undefined,
      });
      const stopEmbedded = embedded;
      cleanups.push(() => stopEmbedded.stop());
      databaseUrl = embedded.url;
    }
    mark("postgres");
    const sql = postgres(databaseUrl, { max: config.poolSize, onnotice: () => {} });
    cleanups.push(() => sql.end({ timeout: 2 }));

    const jwtSecret = config.jwtSecret ?? (await readOrCreateSecret(resolve(config.dataDir, "jwt-secret")));
    const { anonKey, serviceRoleKey } = await createApiKeys(jwtSecret);
    const apiUrl = `http://127.0.0.1:${config.apiPort}`;

    // The dashboard build and the functions runtime need no database: start them while migrations run.
    const dashboardDir = resolve(config.dataDir, "dashboard");
    const dashboardBuild = buildDashboard(
      dashboardDir,
      { VITE_SUPABASE_URL: apiUrl, VITE_SUPABASE_ANON_KEY: anonKey },
      log,
    );
    const functionsStart: Promise<EdgeFunctionsHandle> = startEdgeFunctions(
      {
        SUPABASE_URL: apiUrl,
        SUPABASE_DB_URL: databaseUrl,
        SUPABASE_ANON_KEY: anonKey,
        SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
        ...readMessagingEnv(config.functionsEnv),
      },
      config.verbose ? log : () => {},
    );
    // Registered now, not once Deno listens: a step failing before that must still stop it.
    cleanups.push(async () => (await functionsStart.catch(() => null))?.stop());
    dashboardBuild.catch(() => {});

    const platform = await bootstrapPlatform(sql);
    mark("bootstrap");
    const { applied } = await pushMigrations(databaseUrl);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    mark("migrations");

    const seedDemo = config.seedDemo ?? platform === "bootstrapped";
    const login = seedDemo ? await seedDemoWorkspace(sql) : null;
    mark("seed");

    const schedules = await runRegisteredSchedules(sql, config.verbose ? log : () => {});
    cleanups.push(() => schedules.stop());

    const functions = await functionsStart;
    mark("functions");
    const relay = await relayFunctionRequests(
      sql,
      functions.url,
      serviceRoleKey,
      config.verbose ? log : () => {},
    );
    cleanups.push(() => relay.stop());
    // The scraper: a task worker on the Postgres queue and the HTTP service (POST /parse). Loaded here, not at the
    // top: Crawlee and Playwright are big, and the quick CLI commands import this module's neighbours.
    const scraper = await import("@arqan/scraper");
    const scraperEnv = scraper.readScraperEnv(config.functionsEnv);
    const workerSql = postgres(databaseUrl, { max: 3, onnotice: () => {} });
    cleanups.push(() => workerSql.end({ timeout: 2 }));
    const worker = await scraper.startParserWorker({
      sql: workerSql,
      env: scraperEnv,
      log: config.verbose ? log : () => {},
    });
    cleanups.push(() => worker.stop());
    const scraperService = scraper.createScraperService({
      env: { ...scraperEnv, serviceToken: scraperEnv.serviceToken ?? serviceRoleKey },
      log,
    });
    await listen(scraperService, scraperEnv.servicePort);
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          scraperService.close(() => done());
          scraperService.closeAllConnections();
        }),
    );
    const scraperUrl = `http://127.0.0.1:${(scraperService.address() as AddressInfo).port}`;
    mark("scraper");

    const api = await startApiServer({
      sql,
      databaseUrl,
      jwtSecret,
      port: config.apiPort,
      keys: { anonKey, serviceRoleKey },
      log,
      functions: await proxyProjectFunctions(functions.url, jwtSecret),
    });
    cleanups.push(() => api.close());
    mark("api");

    await dashboardBuild;
    const dashboard = serveDashboard(dashboardDir);
    await listen(dashboard, config.dashboardPort);
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          dashboard.close(() => done());
          dashboard.closeAllConnections();
        }),
    );
    const dashboardUrl = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
    await lock.describe(dashboardUrl);
    mark("ready");
    return {
      apiUrl,
      dashboardUrl,
      functionsUrl: `${apiUrl}/functions/v1`,
      scraperUrl,
      databaseUrl,
      anonKey,
      serviceRoleKey,
      login,
      schedules,
      timings,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: import("node:http").Server, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${port} is already in use`) : error);
    });
    server.listen(port, "127.0.0.1", () => resolvePromise());
  });
}

/** A per-installation JWT secret, created once and kept with the data so sessions survive restarts. */
async function readOrCreateSecret(path: string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return secret;
}
