// Realtime: SQL insert → supabase-js `postgres_changes` callback with 20 subscribed clients (target p95 ≤ 200 ms).
// Half the clients belong to another workspace and must receive nothing: the count of leaked events is printed.
import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { createApiKeys } from "../packages/local/src/api/jwt.ts";
import { seedBenchWorkspace } from "./support/seedBenchWorkspace.ts";
import { percentile, printBench, round, startBenchDatabase } from "./support/startBenchDatabase.ts";
import { startStandInProcess } from "./support/startStandInProcess.ts";

const subscribers = 20;
const inserts = 150;
const jwtSecret = "bench-jwt-secret-with-at-least-32-characters";

const db = await startBenchDatabase();
const { anonKey } = await createApiKeys(jwtSecret);
const a = await seedBenchWorkspace(db.sql, jwtSecret, { email: "a@arqan.local", slug: "rt-a", leadCount: 0 });
const b = await seedBenchWorkspace(db.sql, jwtSecret, { email: "b@arqan.local", slug: "rt-b", leadCount: 0 });
const standIn = await startStandInProcess(db.url, jwtSecret);

const sentAt = new Map<string, number>();
const latencies: number[] = [];
let leaked = 0;
const clients = [];
for (let i = 0; i < subscribers; i++) {
  const user = i % 2 === 0 ? a : b;
  const client = createClient(standIn.url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    accessToken: async () => user.accessToken,
  });
  // With the `accessToken` option supabase-js hands the token to Realtime only when asked to.
  await client.realtime.setAuth();
  const subscribed = new Promise<void>((resolve, reject) => {
    client
      .channel(`bench-${i}`)
      .on("postgres_changes", { event: "INSERT", schema: "public", table: "leads" }, (payload) => {
        const sourceId = String((payload.new as Record<string, unknown>).source_id ?? "");
        const t0 = sentAt.get(sourceId);
        if (user === b && sourceId !== "") leaked += 1;
        else if (t0 !== undefined) latencies.push(performance.now() - t0);
      })
      .subscribe((status) => {
        if (status === "SUBSCRIBED") resolve();
        if (status === "CHANNEL_ERROR" || status === "TIMED_OUT") reject(new Error(`subscribe ${status}`));
      });
  });
  clients.push({ client, subscribed });
}
await Promise.all(clients.map((c) => c.subscribed));

for (let i = 0; i < inserts; i++) {
  const sourceId = `rt-${i}`;
  sentAt.set(sourceId, performance.now());
  await db.sql`insert into public.leads (workspace_id, source_platform, source_id, name, status)
               values (${a.workspaceId}, 'whatsapp', ${sourceId}, ${`Realtime ${i}`}, 'new')`;
  await new Promise((r) => setTimeout(r, 40));
}
await new Promise((r) => setTimeout(r, 2_000));
const expected = inserts * (subscribers / 2);
for (const { client } of clients) await client.removeAllChannels();
await standIn.stop();
await db.stop();
printBench({
  name: "realtime-insert-to-callback",
  subscribers,
  inserts,
  delivered: latencies.length,
  expected_deliveries: expected,
  lost: expected - latencies.length,
  leaked_to_other_workspace: leaked,
  p50_ms: round(percentile(latencies, 50), 1),
  p95_ms: round(percentile(latencies, 95), 1),
  p99_ms: round(percentile(latencies, 99), 1),
  target_p95_ms: 200,
});
process.exit(0);
