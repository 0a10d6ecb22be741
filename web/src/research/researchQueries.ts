/**
 * The market research calls: research tasks (create, cancel, list, follow live), what a task found (pages,
 * products, summary), niches and their stored reports. Plain functions of a `SupabaseClient` returning parsed
 * data or throwing an error that says what to do. Only what the local stand-in serves: table reads with `eq`,
 * `in`, `order`, `range`, exact counts, `rpc`, and Realtime postgres_changes.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { parseAnswer, throwIfFailed } from "../api/readAnswer.ts";
import { type WatchOptions, watchTableChanges } from "../api/watchTableChanges.ts";
import {
  exportColumns,
  type MarketResearchRow,
  marketResearchColumns,
  marketResearchRowSchema,
  type NicheRow,
  nicheColumns,
  nicheRowSchema,
  type ParsedProductRow,
  type ParsedSiteRow,
  type ParserTaskRow,
  parsedProductColumns,
  parsedProductRowSchema,
  parsedSiteColumns,
  parsedSiteRowSchema,
  parserTaskColumns,
  parserTaskRowSchema,
  type TaskKind,
} from "./researchRows.ts";
import { readTaskRefusal, TaskRefusedError } from "./TaskRefusedError.ts";
import { type TaskSummary, taskSummarySchema } from "./taskSummary.ts";

/** The task list shows the workspace's latest tasks, this many. */
export const taskListLimit = 50;

/** The workspace's latest research tasks, newest first. */
export async function listParserTasks(client: SupabaseClient, workspaceId: string): Promise<ParserTaskRow[]> {
  const answer = await client
    .from("parser_tasks")
    .select(parserTaskColumns)
    .eq("workspace_id", workspaceId)
    .order("created_at", { ascending: false })
    .range(0, taskListLimit - 1);
  throwIfFailed("parser_tasks", answer);
  return parseAnswer("parser_tasks", z.array(parserTaskRowSchema), answer.data);
}

/** A niche's research tasks, newest first. */
export async function listNicheTasks(client: SupabaseClient, nicheId: string): Promise<ParserTaskRow[]> {
  const answer = await client
    .from("parser_tasks")
    .select(parserTaskColumns)
    .eq("niche_id", nicheId)
    .order("created_at", { ascending: false })
    .range(0, 19);
  throwIfFailed("parser_tasks", answer);
  return parseAnswer("parser_tasks", z.array(parserTaskRowSchema), answer.data);
}

/** One task, or null when it does not exist or is not visible. */
export async function getParserTask(client: SupabaseClient, taskId: string): Promise<ParserTaskRow | null> {
  const answer = await client.from("parser_tasks").select(parserTaskColumns).eq("id", taskId);
  throwIfFailed("parser_tasks", answer);
  return parseAnswer("parser_tasks", z.array(parserTaskRowSchema), answer.data)[0] ?? null;
}

/** Throws `TaskRefusedError` when the server refused with one of the codes the operator can act on. */
function throwIfRefused(error: { message: string; hint?: string | null } | null): void {
  if (error === null) return;
  const refusal = readTaskRefusal(error.message);
  if (refusal === null) return;
  const hint = typeof error.hint === "string" && error.hint.trim() !== "" ? error.hint : null;
  throw new TaskRefusedError(refusal, hint, { cause: error });
}

/** The task row a function returns: the object itself, or a one-row list from some servers. */
function readReturnedTask(query: string, data: unknown): ParserTaskRow {
  const rows = parseAnswer(query, z.union([parserTaskRowSchema, z.array(parserTaskRowSchema)]), data);
  const row = Array.isArray(rows) ? rows[0] : rows;
  if (row === undefined) throw new DashboardQueryError(query, "malformed", "no task came back");
  return row;
}

export interface TaskToCreate {
  workspaceId: string;
  kind: TaskKind;
  /** Already validated by the form; the server checks it again. */
  input: Record<string, unknown>;
  /** One per form submission: the same key creates the task once, however often it is sent. */
  idempotencyKey: string;
  nicheId: string | null;
}

/**
 * Queues a research task and returns it. Throws `TaskRefusedError` when the server refuses the input or the
 * user's role, `DashboardQueryError` for anything else.
 */
export async function createParserTask(client: SupabaseClient, task: TaskToCreate): Promise<ParserTaskRow> {
  const answer = await client.rpc("create_parser_task", {
    p_workspace_id: task.workspaceId,
    p_kind: task.kind,
    p_input: task.input,
    p_idempotency_key: task.idempotencyKey,
    p_niche_id: task.nicheId,
  });
  throwIfRefused(answer.error);
  throwIfFailed("create_parser_task", answer);
  return readReturnedTask("create_parser_task", answer.data);
}

/** Stops a queued or running task (what it found so far is kept) and returns it; an ended task comes back as it is. */
export async function cancelParserTask(client: SupabaseClient, taskId: string): Promise<ParserTaskRow> {
  const answer = await client.rpc("cancel_parser_task", { p_task_id: taskId });
  throwIfRefused(answer.error);
  throwIfFailed("cancel_parser_task", answer);
  return readReturnedTask("cancel_parser_task", answer.data);
}

/** What a task found, counted: pages by kind, site and fetch path, products, fields that could not be read. */
export async function readTaskSummary(client: SupabaseClient, taskId: string): Promise<TaskSummary> {
  const answer = await client.rpc("parser_task_summary", { p_task_id: taskId });
  throwIfFailed("parser_task_summary", answer);
  return parseAnswer("parser_task_summary", taskSummarySchema, answer.data);
}

/** The pages table shows at most this many pages of a task. */
export const taskPageLimit = 500;

/** The pages a task read, in the order it read them (at most `taskPageLimit`). */
export async function listTaskPages(client: SupabaseClient, taskId: string): Promise<ParsedSiteRow[]> {
  const answer = await client
    .from("parsed_sites")
    .select(parsedSiteColumns)
    .eq("task_id", taskId)
    .order("fetched_at", { ascending: true })
    .order("id", { ascending: true })
    .range(0, taskPageLimit - 1);
  throwIfFailed("parsed_sites", answer);
  return parseAnswer("parsed_sites", z.array(parsedSiteRowSchema), answer.data);
}

export interface ProductPage {
  products: ParsedProductRow[];
  /** Products of the task in all pages. */
  total: number;
}

/** One page of a task's products, in the order they were found, with the task's total. */
export async function listTaskProducts(
  client: SupabaseClient,
  taskId: string,
  page: number,
  pageSize: number,
): Promise<ProductPage> {
  const from = (page - 1) * pageSize;
  const answer = await client
    .from("parsed_products")
    .select(parsedProductColumns, { count: "exact" })
    .eq("task_id", taskId)
    .order("created_at", { ascending: true })
    .order("id", { ascending: true })
    .range(from, from + pageSize - 1);
  // A page past the end (the products changed meanwhile) is simply empty.
  if (answer.error !== null && answer.status === 416) return { products: [], total: answer.count ?? 0 };
  throwIfFailed("parsed_products", answer);
  const products = parseAnswer("parsed_products", z.array(parsedProductRowSchema), answer.data);
  if (answer.count === null) {
    throw new DashboardQueryError(
      "parsed_products",
      "malformed",
      "the server sent no exact count (Content-Range)",
    );
  }
  return { products, total: answer.count };
}

/** Products are read for an export in chunks of this many rows. */
const exportChunk = 1000;

/** Every product of a task with every column an export needs (rows unparsed: the export schema reads them). */
export async function readTaskProductsForExport(client: SupabaseClient, taskId: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (let from = 0; ; from += exportChunk) {
    const answer = await client
      .from("parsed_products")
      .select(exportColumns)
      .eq("task_id", taskId)
      .order("created_at", { ascending: true })
      .order("id", { ascending: true })
      .range(from, from + exportChunk - 1);
    throwIfFailed("parsed_products", answer);
    const chunk = parseAnswer("parsed_products", z.array(z.unknown()), answer.data);
    rows.push(...chunk);
    if (chunk.length < exportChunk) return rows;
  }
}

/** The workspace's niches, by name. */
export async function listNiches(client: SupabaseClient, workspaceId: string): Promise<NicheRow[]> {
  const answer = await client
    .from("niches")
    .select(nicheColumns)
    .eq("workspace_id", workspaceId)
    .order("name", { ascending: true });
  throwIfFailed("niches", answer);
  return parseAnswer("niches", z.array(nicheRowSchema), answer.data);
}

/** Some niches by id (for a comparison), in no particular order. */
export async function getNiches(client: SupabaseClient, nicheIds: readonly string[]): Promise<NicheRow[]> {
  if (nicheIds.length === 0) return [];
  const answer = await client
    .from("niches")
    .select(nicheColumns)
    .in("id", [...nicheIds]);
  throwIfFailed("niches", answer);
  return parseAnswer("niches", z.array(nicheRowSchema), answer.data);
}

/** The report kind `market_research` holds a niche's reports under. */
export const nicheReportDataType = "niche_report";

/** A niche's stored reports, newest first (the first is the one shown; the others show the trend). */
export async function listNicheReports(
  client: SupabaseClient,
  nicheId: string,
  limit = 10,
): Promise<MarketResearchRow[]> {
  const answer = await client
    .from("market_research")
    .select(marketResearchColumns)
    .eq("niche_id", nicheId)
    .eq("data_type", nicheReportDataType)
    .order("collected_at", { ascending: false })
    .range(0, limit - 1);
  throwIfFailed("market_research", answer);
  return parseAnswer("market_research", z.array(marketResearchRowSchema), answer.data);
}

/** A change to a research task, as Realtime reports it. */
export type TaskChange = { kind: "upsert"; task: ParserTaskRow } | { kind: "delete"; id: string };

const taskChangePayloadSchema = z.discriminatedUnion("eventType", [
  z.object({ eventType: z.literal("INSERT"), new: parserTaskRowSchema }),
  z.object({ eventType: z.literal("UPDATE"), new: parserTaskRowSchema }),
  z.object({ eventType: z.literal("DELETE"), old: z.object({ id: z.guid() }) }),
]);

/** Turns a Realtime postgres_changes payload for `parser_tasks` into a `TaskChange`, or explains why not. */
export function parseTaskChange(
  payload: unknown,
): { ok: true; change: TaskChange } | { ok: false; problem: string } {
  const parsed = taskChangePayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: z.prettifyError(parsed.error) };
  const event = parsed.data;
  return event.eventType === "DELETE"
    ? { ok: true, change: { kind: "delete", id: event.old.id } }
    : { ok: true, change: { kind: "upsert", task: event.new } };
}

/**
 * Calls `onChange` for every change of the research tasks matching `filter` (`workspace_id=eq.<id>`,
 * `id=eq.<id>`, `niche_id=eq.<id>`) that the user may see. Progress moves as the worker writes it. Returns the
 * function that unsubscribes.
 */
export function subscribeToParserTasks(
  client: SupabaseClient,
  filter: string,
  onChange: (change: TaskChange) => void,
  options: WatchOptions = {},
): () => void {
  return watchTableChanges(
    client,
    "parser_tasks",
    filter,
    (payload) => {
      const result = parseTaskChange(payload);
      if (result.ok) onChange(result.change);
      else
        console.warn(`Skipped a Realtime change of parser_tasks that is not a task row: ${result.problem}`);
    },
    options,
  );
}
