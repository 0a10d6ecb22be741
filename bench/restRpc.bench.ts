// The stand-in's `rpc` read of 50 leads under RLS with 50 concurrent clients (target p95 ≤ 15 ms). The stand-in
// runs in its own process; the clients are keep-alive HTTP loops in this one. Postgres' own time for the same
// function (run directly, no HTTP) is measured alongside so the stand-in's overhead can be read.
import { createApiKeys } from "../packages/local/src/api/jwt.ts";
import { seedBenchWorkspace } from "./support/seedBenchWorkspace.ts";
import { percentile, printBench, round, startBenchDatabase } from "./support/startBenchDatabase.ts";
import { startStandInProcess } from "./support/startStandInProcess.ts";

const clients = 50;
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

const body = JSON.stringify({ p_workspace_id: seeded.workspaceId, p_limit: 50 });
const headers = {
  apikey: anonKey,
  authorization: `Bearer ${seeded.accessToken}`,
  "content-type": "application/json",
};
const latencies: number[] = [];
let errors = 0;
let wrongSize = 0;
const startedAt = performance.now();
const measureFrom = startedAt + warmupMs;
const stopAt = measureFrom + measureMs;

async function client(): Promise<void> {
  while (performance.now() < stopAt) {
    const t0 = performance.now();
    const response = await fetch(`${standIn.url}/rest/v1/rpc/list_recent_leads`, {
      method: "POST",
      headers,
      body,
    });
    const rows: unknown = await response.json();
    const elapsed = performance.now() - t0;
    if (t0 < measureFrom) continue;
    if (!response.ok) errors += 1;
    else if (!Array.isArray(rows) || rows.length !== 50) wrongSize += 1;
    latencies.push(elapsed);
  }
}
await Promise.all(Array.from({ length: clients }, () => client()));

// Postgres alone: the same function under the same role and claims, sequentially.
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
  requests: latencies.length,
  requests_per_s: round(latencies.length / (measureMs / 1000), 0),
  p50_ms: round(percentile(latencies, 50), 2),
  p95_ms: round(percentile(latencies, 95), 2),
  p99_ms: round(percentile(latencies, 99), 2),
  errors,
  wrong_row_count: wrongSize,
  postgres_direct_p50_ms: round(percentile(direct, 50), 2),
  target_p95_ms: 15,
});
