/**
 * Work that must not delay a webhook's acknowledgement (qualification, the LLM, sending the reply). On Supabase
 * `EdgeRuntime.waitUntil` keeps the instance alive until it settles; under plain Deno the promise simply runs on.
 *
 * Tasks run in lanes, each with its own limit of tasks at once per instance and, when work is waiting, a rest after
 * each task in proportion to its duration. Qualification by rules is CPU and database work: one at a time, resting
 * twice as long as it worked, so a burst of webhooks is acknowledged at the speed of storing while qualification
 * follows with at most a third of a core (bench/telegramWebhook.bench.ts). Waiting on an LLM is network time, so
 * that lane may run many. Past
 * `maxQueued` waiting tasks new ones are dropped — their messages are stored, and the messaging sweep qualifies what
 * was left. Failures are logged, never thrown.
 */
interface EdgeRuntimeGlobal {
  EdgeRuntime?: { waitUntil(promise: Promise<unknown>): void };
}

interface Task {
  label: string;
  work: () => Promise<unknown>;
  done: () => void;
}

interface Lane {
  concurrency: number;
  /** After a task, its slot rests this many times the task's own duration: caps the lane's share of the CPU. */
  restRatio: number;
  running: number;
  queue: Task[];
}

const maxQueued = 2000;
const lanes = new Map<string, Lane>();

function pump(lane: Lane): void {
  while (lane.running < lane.concurrency) {
    const task = lane.queue.shift();
    if (!task) return;
    lane.running++;
    const started = performance.now();
    Promise.resolve()
      .then(task.work)
      .catch((error) => {
        console.error(`[${task.label}]`, error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        task.done();
        const rest = lane.queue.length > 0 ? (performance.now() - started) * lane.restRatio : 0;
        setTimeout(() => {
          lane.running--;
          pump(lane);
        }, rest);
      });
  }
}

export function runInBackground(
  label: string,
  work: () => Promise<unknown>,
  options: { lane?: string; concurrency?: number; restRatio?: number } = {},
): void {
  const name = options.lane ?? label;
  let lane = lanes.get(name);
  if (!lane) {
    lane = {
      concurrency: options.concurrency ?? 1,
      restRatio: options.restRatio ?? 0,
      running: 0,
      queue: [],
    };
    lanes.set(name, lane);
  }
  if (options.concurrency !== undefined) lane.concurrency = options.concurrency;
  if (options.restRatio !== undefined) lane.restRatio = options.restRatio;
  if (lane.queue.length >= maxQueued) {
    console.warn(`[${label}] background queue full; left for the messaging sweep`);
    return;
  }
  const current = lane;
  const settled = new Promise<void>((done) => current.queue.push({ label, work, done }));
  (globalThis as EdgeRuntimeGlobal).EdgeRuntime?.waitUntil(settled);
  pump(current);
}
