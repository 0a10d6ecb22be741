// The stand-in's `rpc` read of 50 leads under RLS with 50 concurrent clients (target p95 ≤ 15 ms). The stand-in
// runs in its own process. Two loads, both printed:
//  - open loop (the headline): 50 clients, each sending every 100 ms (500 requests/s offered) whatever the
//    previous answer's delay; latency is counted from the planned send time, so queueing is not hidden;
//  - closed loop (saturation): 50 connections sending back to back with wrk (apt's `wrk`, installed if missing
//    and allowed; else Node's fetch), giving the most this 2-core machine serves and the latency at that load.
// Postgres' own time for the same function (direct, same role and claims, sequential) is measured alongside.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { createApiKeys } from "../packages/local/src/api/jwt.ts";
import { seedBenchWorkspace } from "./support/seedBenchWorkspace.ts";
import { percentile, printBench, round, startBenchDatabase } from "./support/startBenchDatabase.ts";
import { startStandInProcess } from "./support/startStandInProcess.ts";

const clients = 50;
const intervalMs = 100;
const warmupMs = 2_000;
const measureMs = 10_000;
const jwtSecret = "bench-jwt-secret-with-at-least-32-characters";

const db = await startBenchDatabase();
const { anonKey } = await createApiKeys(jwtSecret);
const seeded = await seedBenchWorkspace(db.sql, jwtSecret, {
  email: "bench@arqan.local",
  slug: "bench",
  leadCount: 2_000,
});
await seedBenchWorkspace(db.sql, jwtSecret, { email: "other@arqan.local", slug: "other", leadCount: 2_000 });
const standIn = await startStandInProcess(db.url, jwtSecret);
const url = `${standIn.url}/rest/v1/rpc/list_recent_leads`;
const body = JSON.stringify({ p_workspace_id: seeded.workspaceId, p_limit: 50 });
const headers = {
  apikey: anonKey,
  authorization: `Bearer ${seeded.accessToken}`,
  "content-type": "application/json",
};

// Open loop.
const latencies: number[] = [];
let errors = 0;
let wrongSize = 0;
const start = performance.now();
async function openLoopClient(offset: number): Promise<void> {
  const pending: Promise<void>[] = [];
  for (let planned = start + offset; planned < start + warmupMs + measureMs; planned += intervalMs) {
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      (async () => {
        const response = await fetch(url, { method: "POST", headers, body });
        const rows: unknown = await response.json();
        if (planned < start + warmupMs) return;
        if (!response.ok) errors += 1;
        else if (!Array.isArray(rows) || rows.length !== 50) wrongSize += 1;
        latencies.push(performance.now() - planned);
      })(),
    );
  }
  await Promise.all(pending);
}
await Promise.all(Array.from({ length: clients }, (_, i) => openLoopClient((i * intervalMs) / clients)));

// Closed loop (saturation).
const saturation = runWrk() ?? (await runFetchClosedLoop());

// Postgres alone.
const direct: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  await db.sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: seeded.userId, role: "authenticated" })}, true)`;
    await tx`select * from public.list_recent_leads(${seeded.workspaceId}, 50)`;
  });
  direct.push(performance.now() - t0);
}
await standIn.stop();
await db.stop();

printBench({
  name: "standin-rpc-50-leads",
  clients,
  offered_requests_per_s: (clients * 1000) / intervalMs,
  requests: latencies.length,
  p50_ms: round(percentile(latencies, 50), 2),
  p95_ms: round(percentile(latencies, 95), 2),
  p99_ms: round(percentile(latencies, 99), 2),
  errors,
  wrong_row_count: wrongSize,
  saturation_load_generator: saturation.generator,
  saturation_requests_per_s: saturation.requestsPerSecond,
  saturation_p50_ms: saturation.p50,
  saturation_p95_ms: saturation.p95,
  postgres_direct_p50_ms: round(percentile(direct, 50), 2),
  target_p95_ms: 15,
});

interface Saturation {
  generator: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
}

function runWrk(): Saturation | null {
  if (spawnSync("wrk", ["--version"]).error) {
    const canInstall = process.getuid?.() === 0 && process.env.ARQAN_BENCH_NO_APT !== "1";
    if (!canInstall) return null;
    spawnSync(
      "sh",
      [
        "-c",
        "apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)",
      ],
      {
        stdio: "ignore",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      },
    );
    if (spawnSync("wrk", ["--version"]).error) return null;
  }
  const run = spawnSync(
    "wrk",
    ["-t1", `-c${clients}`, "-d10s", "-s", resolve(import.meta.dirname, "support/wrk-report.lua"), url],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        WRK_BODY: body,
        WRK_HEADERS: Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\n"),
      },
    },
  );
  const line = run.stdout.split("\n").find((l) => l.startsWith("WRK "));
  if (!line) return null;
  const report: { requests: number; duration_s: number; p50_ms: number; p95_ms: number; non_2xx: number } =
    JSON.parse(line.slice(4));
  if (report.non_2xx > 0) errors += report.non_2xx;
  return {
    generator: "wrk",
    requestsPerSecond: round(report.requests / report.duration_s, 0),
    p50: round(report.p50_ms, 2),
    p95: round(report.p95_ms, 2),
  };
}

async function runFetchClosedLoop(): Promise<Saturation> {
  const samples: number[] = [];
  const stopAt = performance.now() + 10_000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        const response = await fetch(url, { method: "POST", headers, body });
        await response.arrayBuffer();
        samples.push(performance.now() - t0);
      }
    }),
  );
  return {
    generator: "node-fetch",
    requestsPerSecond: round(samples.length / 10, 0),
    p50: round(percentile(samples, 50), 2),
    p95: round(percentile(samples, 95), 2),
  };
}
