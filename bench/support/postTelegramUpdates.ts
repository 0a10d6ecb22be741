// Load generator for bench/telegramWebhook.bench.ts, in its own process so it does not share the stand-in's or
// the fake Bot API's event loop. Open loop: sends BENCH_RATE updates per second for BENCH_DURATION_MS whatever
// the previous answers' delays, spread over BENCH_TARGETS (JSON [{url, secret}], one per bot) and BENCH_CHATS
// chats; a share BENCH_REDELIVER_SHARE of the sends are redeliveries of an update already acknowledged, as
// Telegram does when an answer is slow or lost. Latency counts from the planned send time, so queueing shows.
// Prints one JSON line: what was sent, what was acknowledged, the latencies.
import { z } from "zod";

const env = z
  .object({
    BENCH_TARGETS: z.string(),
    BENCH_RATE: z.coerce.number().positive(),
    BENCH_DURATION_MS: z.coerce.number().int().positive(),
    BENCH_WARMUP_MS: z.coerce.number().int().min(0),
    BENCH_REDELIVER_SHARE: z.coerce.number().min(0).max(0.9),
    BENCH_CHATS: z.coerce.number().int().positive(),
    BENCH_FIRST_UPDATE_ID: z.coerce.number().int().positive(),
  })
  .parse(process.env);
const targets = z
  .array(z.object({ url: z.string(), secret: z.string() }))
  .parse(JSON.parse(env.BENCH_TARGETS));

const texts = [
  "Здравствуйте! Нужен кондиционер в квартиру",
  "Бюджет около 300 тыс тенге",
  "Хотим установить до конца недели, Алматы",
  "Сәлеметсіз бе, маған кондиционер керек",
  "Бағасы қанша? Бюджетім 250 мың",
  "Мой номер 8 701 123 45 67",
  "в следующем месяце",
  "Астана",
];

interface Sent {
  body: string;
  target: number;
  acknowledged: boolean;
}
const sentUpdates: Sent[] = [];
const acknowledgedUpdates: Sent[] = [];
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let redeliveries = 0;
let nextUpdateId = env.BENCH_FIRST_UPDATE_ID;
// Far above the fake Bot API's own numbering of the bot's replies (one sequence per chat, as Telegram's).
let nextMessageId = 10_000_000;

function freshUpdate(): Sent {
  const updateId = nextUpdateId++;
  const chat = 100_000 + (updateId % env.BENCH_CHATS);
  const target = chat % targets.length;
  const body = JSON.stringify({
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat, type: "private", first_name: "Лид" },
      from: { id: chat, is_bot: false, first_name: "Лид", language_code: "ru" },
      text: texts[updateId % texts.length],
    },
  });
  return { body, target, acknowledged: false };
}

async function send(update: Sent, planned: number, measured: boolean): Promise<void> {
  const target = targets[update.target];
  if (!target) return;
  let status = "error";
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": target.secret },
      body: update.body,
    });
    await response.arrayBuffer();
    status = String(response.status);
    if (response.status === 200 && !update.acknowledged) {
      update.acknowledged = true;
      acknowledgedUpdates.push(update);
    }
  } catch {
    status = "error";
  }
  if (measured) {
    const answeredAt = performance.now();
    latencies.push(answeredAt - planned);
    statuses[status] = (statuses[status] ?? 0) + 1;
    lastMeasuredAnswer = Math.max(lastMeasuredAnswer, answeredAt);
  }
}

const intervalMs = 1000 / env.BENCH_RATE;
const start = performance.now() + 50;
const end = start + env.BENCH_WARMUP_MS + env.BENCH_DURATION_MS;
const measureFrom = start + env.BENCH_WARMUP_MS;
let lastMeasuredAnswer = 0;
const inFlight: Promise<void>[] = [];
let measuredSends = 0;
for (let planned = start; planned < end; planned += intervalMs) {
  const wait = planned - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  const recent = Math.min(acknowledgedUpdates.length, 500);
  const redeliver = Math.random() < env.BENCH_REDELIVER_SHARE && recent > 0;
  // A redelivery repeats one of the last 500 acknowledged updates, as Telegram retries recent ones.
  const update = redeliver
    ? (acknowledgedUpdates[acknowledgedUpdates.length - 1 - Math.floor(Math.random() * recent)] ??
      freshUpdate())
    : freshUpdate();
  if (redeliver) redeliveries++;
  else sentUpdates.push(update);
  const measured = planned >= measureFrom;
  if (measured) measuredSends++;
  inFlight.push(send(update, planned, measured));
}
await Promise.all(inFlight);
const sorted = [...latencies].sort((a, b) => a - b);
const at = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    offered_per_s: env.BENCH_RATE,
    measured_sends: measuredSends,
    measured_seconds: env.BENCH_DURATION_MS / 1000,
    // From the first measured send to the last measured answer: a backlog stretches it, so throughput is not
    // overstated when answers lag behind the offered rate.
    answered_span_seconds: (lastMeasuredAnswer - measureFrom) / 1000,
    unique_updates: sentUpdates.length,
    unique_acknowledged: acknowledgedUpdates.length,
    redeliveries,
    statuses,
    p50_ms: at(50),
    p99_ms: at(99),
    max_ms: sorted.at(-1) ?? 0,
  })}\n`,
);
