import { hostname } from "node:os";
import type { Sql } from "postgres";
import type { ScraperEnv } from "../config/readScraperEnv.ts";
import type { CrawlOptions } from "../crawl/crawlPages.ts";
import { type RunTaskResult, runParserTask } from "./runParserTask.ts";
import { createTaskStore } from "./taskStore.ts";

export interface ParserWorkerOptions {
  sql: Sql;
  env: ScraperEnv;
  /** Tasks run at once by this worker (each task crawls its own pages concurrently). */
  concurrency?: number;
  /** A claim lasts this long without a progress report (default 120 s). */
  visibilitySeconds?: number;
  /** Polling interval when no notification arrives (default 5 s): tasks retried with backoff become due silently. */
  pollMs?: number;
  log?: (line: string) => void;
  crawlOverrides?: Partial<CrawlOptions>;
  onTaskDone?: (taskId: string, result: RunTaskResult) => void;
}

export interface ParserWorker {
  id: string;
  /** Claims and runs due tasks now (tests; the queue's notification does the same). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The local stack's task worker: listens for new tasks (`arqan_parser_tasks`), polls for due retries, claims with
 * `FOR UPDATE SKIP LOCKED` so any number of workers share the queue, and runs each task to its end. On Lambda the
 * same runParserTask runs once per invocation instead (see lambda/handler.ts).
 */
export async function startParserWorker(options: ParserWorkerOptions): Promise<ParserWorker> {
  const id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const store = createTaskStore(options.sql);
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 1;
  const visibilitySeconds = options.visibilitySeconds ?? 120;
  const stopping = new AbortController();
  const running = new Set<Promise<void>>();
  let pumping = false;
  let again = false;

  const pump = async () => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopping.signal.aborted && running.size < concurrency) {
          const task = await store.claim(id, visibilitySeconds);
          if (task === null) break;
          log(`[scraper] claimed ${task.kind} task ${task.id} (attempt ${task.attempts})`);
          const run = runParserTask(task, {
            store,
            workerId: id,
            env: options.env,
            visibilitySeconds,
            signal: stopping.signal,
            log,
            ...(options.crawlOverrides ? { crawlOverrides: options.crawlOverrides } : {}),
          })
            .then((result) => options.onTaskDone?.(task.id, result))
            .catch((error) =>
              log(`[scraper] task ${task.id}: ${error instanceof Error ? error.message : error}`),
            )
            .finally(() => {
              running.delete(run);
              wake();
            });
          running.add(run);
        }
      } while (again && !stopping.signal.aborted);
    } catch (error) {
      log(`[scraper] claiming failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      pumping = false;
    }
  };
  const wake = () => {
    if (!stopping.signal.aborted) void pump();
  };

  const listener = await options.sql.listen("arqan_parser_tasks", () => wake());
  const timer = setInterval(wake, options.pollMs ?? 5000);
  timer.unref();
  wake();
  return {
    id,
    wake,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await listener.unlisten().catch(() => {});
      await Promise.allSettled([...running]);
    },
  };
}
