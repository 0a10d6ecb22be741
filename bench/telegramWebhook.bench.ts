// The Telegram webhook under load on the local stack (stand-in + gateway + Deno functions + Postgres), rules only.
//  1. Postgres' raw single-row insert rate on the same machine in the same run (1 and 8 connections), the peer
//     the webhook's rate is read against.
//  2. Open loop: BENCH_RATE (default 500) updates/s for 15 s after a 3 s warm-up, 10 % of them redeliveries,
//     over 2 000 chats and 20 bots; acknowledgement latency from the planned send time; then every acknowledged
//     update must be stored exactly once (lost = acknowledged but not stored, duplicated = stored twice).
//  3. Reply latency: 20 new leads per second for 10 s; update sent → the bot's sendMessage arriving at the fake
//     Bot API (target p95 ≤ 300 ms).
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createAuthUser } from "../packages/local/src/api/auth/createAuthUser.ts";
import { signJwt } from "../packages/local/src/api/jwt.ts";
import { startFakeTelegramBotApi } from "../tests/fakes/fakeTelegramBotApi.ts";
import { measureCpu } from "./support/measureCpu.ts";
import { percentile, printBench, round, startBenchDatabase } from "./support/startBenchDatabase.ts";
import { startStandInProcess } from "./support/startStandInProcess.ts";

const rate = Number(process.env.BENCH_RATE ?? 500);
const bots = 20;
const chats = 2000;
const jwtSecret = "bench-jwt-secret-with-at-least-32-characters";

const db = await startBenchDatabase();
const telegram = await startFakeTelegramBotApi();
const standIn = await startStandInProcess(db.url, jwtSecret, {
  BENCH_WITH_FUNCTIONS: "1",
  TELEGRAM_API_ROOT: telegram.url,
});
const cleanup = async () => {
  await standIn.stop();
  await telegram.close();
  await db.stop();
};

try {
  // A workspace, its operator, and the bots connected through channel-connect as the dashboard does it.
  const operatorId = await createAuthUser(db.sql, {
    email: "bench-operator@arqan.local",
    password: "bench-2026-pass",
  });
  const [workspace] =
    await db.sql`insert into public.workspaces (name, slug) values ('Bench', 'bench') returning id`;
  const workspaceId = String(workspace?.id);
  await db.sql`insert into public.workspace_members (workspace_id, user_id, role) values (${workspaceId}, ${operatorId}, 'operator')`;
  const serviceKey = await signJwt({ role: "service_role" }, jwtSecret);
  const operatorJwt = await signJwt(
    { sub: operatorId, role: "authenticated", aud: "authenticated" },
    jwtSecret,
    3600,
  );
  const targets: { url: string; secret: string }[] = [];
  for (let i = 0; i < bots; i++) {
    const bot = {
      token: `70000${String(i).padStart(5, "0")}:AAHbenchTokenBenchTokenBench_${i}`,
      id: 7_000_000_000 + i,
      username: `bench_${i}_bot`,
      first_name: `Bench ${i}`,
    };
    telegram.registerBot(bot);
    const response = await fetch(`${standIn.url}/functions/v1/channel-connect`, {
      method: "POST",
      headers: { authorization: `Bearer ${operatorJwt}`, "content-type": "application/json" },
      body: JSON.stringify({ workspace_id: workspaceId, provider: "telegram_bot", token: bot.token }),
    });
    if (response.status !== 200)
      throw new Error(`connect failed: ${response.status} ${await response.text()}`);
    const webhook = telegram.webhook(bot.token);
    if (!webhook?.secret_token) throw new Error("no webhook set");
    targets.push({ url: webhook.url, secret: webhook.secret_token });
  }

  // A workspace with history, as a live one has (20 000 leads with their chats), and the planner's statistics of it:
  // on empty tables every plan looks alike, and a plan cached then would stay for the connection's life.
  await db.sql`
    insert into public.leads (workspace_id, source_platform, source_id, name, status, created_at)
    select ${workspaceId}, 'telegram', 'h' || g, 'Лид ' || g, 'contacted', now() - (g || ' minutes')::interval
    from generate_series(1, 20000) g`;
  await db.sql`
    insert into public.lead_identities (workspace_id, lead_id, kind, value)
    select workspace_id, id, 'telegram', source_id from public.leads where workspace_id = ${workspaceId}`;
  await db.sql`
    insert into public.conversations (workspace_id, lead_id, platform, external_chat_id, last_message_at)
    select workspace_id, id, 'telegram', source_id, created_at from public.leads where workspace_id = ${workspaceId}`;
  await db.sql`
    insert into public.messages (workspace_id, conversation_id, lead_id, platform, platform_message_id, sender, text, sent_at, processed_at)
    select c.workspace_id, c.id, c.lead_id, 'telegram', 'history:' || c.external_chat_id || ':' || n, case when n = 1 then 'lead'::public.message_sender else 'bot' end,
           'Здравствуйте', c.last_message_at, c.last_message_at
    from public.conversations c cross join generate_series(1, 2) n where c.workspace_id = ${workspaceId}`;
  await db.sql`analyze`;

  // 1. The peer: raw single-row inserts, autocommit, 5 s each.
  await db.sql`create table public.bench_raw_inserts (id bigint generated always as identity primary key, chat bigint not null, body text not null, created_at timestamptz not null default now())`;
  const rawRate = async (connections: number) => {
    const { default: postgres } = await import("postgres");
    const pool = postgres(db.url, { max: connections, onnotice: () => {} });
    let rows = 0;
    const until = performance.now() + 5000;
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        while (performance.now() < until) {
          await pool`insert into public.bench_raw_inserts (chat, body) values (${worker}, 'Здравствуйте! Нужен кондиционер')`;
          rows++;
        }
      }),
    );
    await pool.end();
    return rows / 5;
  };
  const raw1 = await rawRate(1);
  const raw8 = await rawRate(8);
  console.error(`[bench] raw inserts: ${round(raw1)}/s on 1 connection, ${round(raw8)}/s on 8`);

  // 2. Open loop through the webhook.
  const cpu = measureCpu();
  const generator = spawn(
    process.execPath,
    ["--import", "tsx", resolve(import.meta.dirname, "support/postTelegramUpdates.ts")],
    {
      env: {
        ...process.env,
        BENCH_TARGETS: JSON.stringify(targets),
        BENCH_RATE: String(rate),
        BENCH_DURATION_MS: "15000",
        BENCH_WARMUP_MS: "3000",
        BENCH_REDELIVER_SHARE: "0.1",
        BENCH_CHATS: String(chats),
        BENCH_FIRST_UPDATE_ID: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  generator.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((done, fail) =>
    generator.on("exit", (code) => (code === 0 ? done() : fail(new Error(`generator exited ${code}`)))),
  );
  const load = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
  const cpuSeconds = cpu.stop();
  console.error(`[bench] load: ${JSON.stringify(load)}`);
  console.error(
    `[bench] CPU seconds during the load (18 s on 2 cores = 36 s available): ${JSON.stringify(cpuSeconds)}`,
  );
  const [stored] = await db.sql`
    select count(*)::int as messages, count(distinct platform_message_id)::int as distinct_ids
    from public.messages where sender = 'lead' and platform_message_id not like 'history:%'`;
  const storedMessages = Number(stored?.messages);
  const lost = Math.max(0, load.unique_acknowledged - storedMessages);
  const duplicated = storedMessages - Number(stored?.distinct_ids);
  const acknowledgedPerS =
    (load.statuses["200"] ?? 0) / Math.max(load.measured_seconds, load.answered_span_seconds);

  // Qualification follows at its own pace and replies at up to 30/s per bot: wait until both are done (bounded).
  const drainStarted = performance.now();
  for (;;) {
    const [pending] =
      await db.sql`select count(*)::int as n from public.outbound_messages where status in ('pending', 'sending')`;
    const [unprocessed] =
      await db.sql`select count(*)::int as n from public.messages where sender = 'lead' and processed_at is null`;
    if ((pending?.n === 0 && unprocessed?.n === 0) || performance.now() - drainStarted > 120_000) break;
    if (performance.now() - drainStarted > 20_000 && (unprocessed?.n ?? 0) > 0) {
      // What the background queue dropped under load is qualified by the minute's sweep: run it now.
      await fetch(`${standIn.url}/functions/v1/messaging-sweep`, {
        method: "POST",
        headers: { authorization: `Bearer ${serviceKey}`, "content-type": "application/json" },
        body: "{}",
      });
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const drainSeconds = round((performance.now() - drainStarted) / 1000);
  const [outbox] =
    await db.sql`select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'superseded')::int as superseded, count(*) filter (where status not in ('sent', 'superseded'))::int as not_sent from public.outbound_messages`;
  const tooFast = telegram.calls.filter((c) => c.method === "sendMessage" && c.status === 429).length;

  // 3. Reply latency at a calm rate, each update from a new chat so its first sendMessage is the reply.
  const replyLatencies: number[] = [];
  const sends: Promise<void>[] = [];
  for (let i = 0; i < 200; i++) {
    const chat = 900_000 + i;
    const target = targets[i % targets.length];
    if (!target) continue;
    const planned = performance.now();
    sends.push(
      (async () => {
        await fetch(target.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": target.secret },
          body: JSON.stringify({
            update_id: 10_000_000 + i,
            message: {
              message_id: 1,
              date: Math.floor(Date.now() / 1000),
              chat: { id: chat, type: "private", first_name: "Лид" },
              from: { id: chat, is_bot: false, first_name: "Лид" },
              text: "Здравствуйте! Нужен кондиционер в Алматы",
            },
          }),
        });
        const reply = await telegram.waitFor(
          (c) => c.method === "sendMessage" && String(c.params.chat_id) === String(chat) && c.status === 200,
          10_000,
        );
        replyLatencies.push(reply.at - planned);
      })(),
    );
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(sends);

  printBench({
    name: "telegram-webhook",
    offered_updates_per_s: rate,
    acknowledged_updates_per_s: round(acknowledgedPerS),
    ack_p50_ms: round(load.p50_ms),
    ack_p99_ms: round(load.p99_ms),
    ack_max_ms: round(load.max_ms),
    non_200_answers: Object.entries(load.statuses)
      .filter(([s]) => s !== "200")
      .reduce((n, [, c]) => n + Number(c), 0),
    redeliveries: load.redeliveries,
    unique_acknowledged: load.unique_acknowledged,
    stored_messages: storedMessages,
    lost,
    duplicated,
    qualification_drain_s_after_load: drainSeconds,
    replies_sent: outbox?.sent,
    replies_superseded: outbox?.superseded,
    replies_not_sent: outbox?.not_sent,
    telegram_429_answers: tooFast,
    raw_insert_rows_per_s_1_conn: round(raw1),
    raw_insert_rows_per_s_8_conn: round(raw8),
    ratio_webhook_to_raw_8_conn: round(acknowledgedPerS / raw8, 3),
    reply_p50_ms: round(percentile(replyLatencies, 50)),
    reply_p95_ms: round(percentile(replyLatencies, 95)),
    bots,
    chats,
    cpu_seconds_during_load: cpuSeconds,
  });
} finally {
  await cleanup();
}
