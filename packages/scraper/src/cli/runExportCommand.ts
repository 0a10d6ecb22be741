import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import {
  buildExport,
  type ExportFormat,
  type ExportProduct,
  type ExportSource,
  exportFormats,
  exportProductSchema,
  parsedPageSchema,
  toExportProducts,
} from "@arqan/shared";
import postgres from "postgres";
import { z } from "zod";
import type { CommandIo } from "./runParseCommand.ts";

export const exportUsage = `arqan export <task id | parse result .json> [--format ${exportFormats.join("|")}] [--out <file>|-]
  Exports a parser task's products (read from DATABASE_URL, default the local stack's Postgres) or the output of
  \`arqan parse\` saved to a file. --out - writes to standard output; default: arqan-<task>-<date>.<ext> here.`;

const taskIdSchema = z.guid();

/** `arqan export`: writes a task's (or a saved parse result's) products in one of the export formats. */
export async function runExportCommand(args: string[], io: CommandIo): Promise<number> {
  const options = readOptions(args);
  if ("error" in options) {
    io.stderr(`arqan export: ${options.error}\n\n${exportUsage}\n`);
    return 2;
  }
  let loaded: { products: ExportProduct[]; source: ExportSource } | { error: string };
  if (existsSync(options.target)) loaded = await loadParseResult(options.target);
  else if (taskIdSchema.safeParse(options.target).success) loaded = await loadTask(options.target, io.env);
  else loaded = { error: `'${options.target}' is neither a file nor a task id` };
  if ("error" in loaded) {
    io.stderr(`arqan export: ${loaded.error}\n`);
    return 1;
  }
  const file = buildExport(options.format, loaded.products, loaded.source);
  if (options.out === "-") {
    process.stdout.write(file.body);
    return 0;
  }
  const out = options.out ?? file.filename;
  await writeFile(out, file.body);
  io.stderr(
    `Wrote ${loaded.products.length} products to ${out} (${file.mimeType}, ${file.body.byteLength} bytes)\n`,
  );
  return 0;
}

async function loadParseResult(
  path: string,
): Promise<{ products: ExportProduct[]; source: ExportSource } | { error: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    return { error: `${path} is not JSON (save the output of \`arqan parse\` and export that)` };
  }
  const pages = z.union([parsedPageSchema, z.array(parsedPageSchema)]).safeParse(json);
  if (!pages.success)
    return { error: `${path} is not a parse result: ${pages.error.issues[0]?.message ?? ""}` };
  const list = Array.isArray(pages.data) ? pages.data : [pages.data];
  return {
    products: list.flatMap((page) => toExportProducts(page)),
    source: {
      task_id: "file",
      title: list[0]?.title ?? path,
      created_at: new Date().toISOString(),
      source_urls: list.map((page) => page.url).filter((url): url is string => url !== null),
    },
  };
}

async function loadTask(
  taskId: string,
  env: Record<string, string | undefined>,
): Promise<{ products: ExportProduct[]; source: ExportSource } | { error: string }> {
  const url =
    env.DATABASE_URL || `postgres://postgres:postgres@127.0.0.1:${env.ARQAN_DB_PORT || "54322"}/postgres`;
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [task] = await sql<{ id: string; kind: string; input: unknown; created_at: Date }[]>`
      select id, kind, input, created_at from public.parser_tasks where id = ${taskId}`;
    if (!task) return { error: `no parser task ${taskId} in ${redact(url)}` };
    const rows = await sql<{ product: unknown }[]>`
      select json_build_object(
        'site', site, 'external_id', external_id, 'title', title, 'price', price::float8, 'currency', currency,
        'price_kzt', price_kzt, 'negotiable', negotiable, 'city', city, 'seller', seller, 'seller_type', seller_type,
        'promoted', promoted, 'url', url, 'rating', rating::float8, 'reviews', reviews, 'views', views,
        'posted_at', posted_at, 'brand', brand, 'sku', sku, 'available', available, 'sellers', sellers,
        'attributes', coalesce(data -> 'attributes', '{}'::jsonb), 'description', data ->> 'description',
        'images', coalesce(data -> 'images', '[]'::jsonb)) as product
      from public.parsed_products where task_id = ${taskId} order by created_at, id`;
    const [urls] = await sql<{ urls: string[] }[]>`
      select coalesce(array_agg(url order by fetched_at), '{}') as urls from public.parsed_sites where task_id = ${taskId}`;
    return {
      products: rows.map((row) => exportProductSchema.parse(row.product)),
      source: {
        task_id: task.id,
        title: describeTask(task.kind, task.input),
        created_at: task.created_at.toISOString(),
        source_urls: urls?.urls ?? [],
      },
    };
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    if (code === "ECONNREFUSED")
      return {
        error: `cannot reach the database at ${redact(url)} (is \`npm start\` running, or DATABASE_URL set?)`,
      };
    throw error;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function describeTask(kind: string, input: unknown): string {
  const niche = z.object({ query: z.string(), city: z.string().nullable().optional() }).safeParse(input);
  if (kind === "niche" && niche.success)
    return [niche.data.query, niche.data.city].filter(Boolean).join(", ");
  const parse = z.object({ urls: z.array(z.string()) }).safeParse(input);
  return parse.success ? (parse.data.urls[0] ?? "parse") : kind;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function readOptions(
  args: string[],
): { target: string; format: ExportFormat; out: string | null } | { error: string } {
  let target: string | null = null;
  let format: ExportFormat = "json";
  let out: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === "--format") {
      const given = value();
      const choice = exportFormats.find((f) => f === given);
      if (!choice) return { error: `--format must be one of ${exportFormats.join(", ")}` };
      format = choice;
    } else if (flag === "--out") {
      const given = value();
      if (!given) return { error: "--out needs a file name (or - for standard output)" };
      out = given;
    } else if (flag?.startsWith("--")) {
      return { error: `unknown option ${flag}` };
    } else if (target === null) {
      target = arg;
    } else {
      return { error: `one task at a time (got '${target}' and '${arg}')` };
    }
  }
  if (target === null) return { error: "give a task id or a parse result file" };
  return { target, format, out };
}
