import { siteChoices } from "@arqan/shared";
import postgres, { type Sql } from "postgres";
import { z } from "zod";
import { readScraperEnv, type ScraperEnv } from "../config/readScraperEnv.ts";
import { checkPageUrl } from "../parse/checkPageUrl.ts";
import { parseUrl } from "../parse/parseUrl.ts";
import { crawlOptionsFromEnv } from "../tasks/crawlOptionsFromEnv.ts";
import { runParserTask } from "../tasks/runParserTask.ts";
import { createTaskStore } from "../tasks/taskStore.ts";

/**
 * The scraper on AWS Lambda, the way `@sparticuz/chromium` is meant to run: one invocation per job fanned out from
 * the queue (`{"action": "run_task"}` claims the next due parser task and runs it to its end), or one page
 * (`{"action": "parse", "url": …}`); also behind a function URL / API Gateway (the same JSON as the request body).
 * Settings come from the environment (the same variables as locally); the database from SUPABASE_DB_URL or
 * DATABASE_URL. Every invocation crawls with a fresh Crawlee configuration and persists nothing on disk.
 */
const eventSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("parse"),
    url: z.string(),
    site: z.enum(siteChoices).default("auto"),
    browser: z.enum(["auto", "never", "always"]).default("auto"),
  }),
  z.object({ action: z.literal("run_task") }),
]);

const httpEventSchema = z.object({
  body: z.string().nullable().optional(),
  isBase64Encoded: z.boolean().optional(),
  requestContext: z.record(z.string(), z.unknown()),
});

interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let env: ScraperEnv | null = null;
let sql: Sql | null = null;

export async function handler(event: unknown): Promise<unknown> {
  env ??= readScraperEnv(process.env);
  const http = httpEventSchema.safeParse(event);
  if (http.success) {
    const raw = http.data.body ?? "";
    const text = http.data.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return answer(400, { code: "invalid_json", message: "The request body is not JSON" });
    }
    const result = await run(json, env);
    return answer(result.status, result.body);
  }
  return (await run(event, env)).body;
}

async function run(input: unknown, settings: ScraperEnv): Promise<{ status: number; body: unknown }> {
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        code: "invalid_request",
        message: 'Send {"action": "parse", "url": …} or {"action": "run_task"}',
      },
    };
  }
  if (parsed.data.action === "parse") {
    const target = checkPageUrl(parsed.data.url);
    if ("code" in target) return { status: 400, body: target };
    const result = await parseUrl(target.url, {
      ...crawlOptionsFromEnv(settings),
      site: parsed.data.site,
      browser: parsed.data.browser,
    });
    return { status: 200, body: result };
  }
  const databaseUrl = process.env.SUPABASE_DB_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    return {
      status: 500,
      body: { code: "no_database", message: "Set SUPABASE_DB_URL (or DATABASE_URL) to run tasks" },
    };
  }
  // Kept across warm invocations; Supavisor's transaction pooler needs prepare: false.
  sql ??= postgres(databaseUrl, { max: 2, prepare: false, onnotice: () => {} });
  const store = createTaskStore(sql);
  const workerId = `lambda:${process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? process.pid}`;
  const visibilitySeconds = 15 * 60;
  const task = await store.claim(workerId, visibilitySeconds);
  if (task === null) return { status: 200, body: { task_id: null, result: "idle" } };
  const result = await runParserTask(task, { store, workerId, env: settings, visibilitySeconds });
  return { status: 200, body: { task_id: task.id, result } };
}

function answer(statusCode: number, body: unknown): HttpAnswer {
  return {
    statusCode,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
  };
}
