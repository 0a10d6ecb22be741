import type { Sql } from "postgres";
import { z } from "zod";
import { checkSubscriberRole } from "./checkSubscriberRole.ts";
import { conditionSql } from "./filterConditionSql.ts";
import { loadTableShape } from "./loadTableShape.ts";
import { describeFilterConditions, type FilterCondition, parseChangeFilter } from "./parseChangeFilter.ts";
import type { ChangeBinding } from "./parseJoinPayload.ts";
import { quoteIdent } from "./quoteSql.ts";
import type { ChangeEvent, ChangeSubscription } from "./realtimeTypes.ts";

export type ResolvedBindings =
  | { ok: true; subscriptions: ChangeSubscription[] }
  | { ok: false; message: string };

const relationRowsSchema = z.array(z.object({ relation_id: z.number() }));

/**
 * Resolves a channel's postgres_changes bindings against the publication, as Supabase does when it creates the
 * subscription: the tables must be published, filter columns must exist and their values cast to the column
 * type, and the role must be one the subscriber may take. All or nothing; the failure message is Supabase's.
 */
export async function resolveChangeBindings(
  sql: Sql,
  publication: string,
  role: string,
  bindings: readonly ChangeBinding[],
  ids: readonly number[],
): Promise<ResolvedBindings> {
  const roleProblem = await checkSubscriberRole(sql, role);
  const subscriptions: ChangeSubscription[] = [];
  for (const [index, binding] of bindings.entries()) {
    const event = binding.event.toUpperCase();
    const filter = parseChangeFilter(binding.filter);
    if (!filter.ok) return filter;
    const table = binding.table ?? "*";
    const select = binding.select ?? null;
    const params = `[event: ${binding.event}, schema: ${binding.schema}, table: ${table}, filters: ${describeFilterConditions(filter.conditions)}, select: ${select ? JSON.stringify(select) : "nil"}]`;
    const exception = (detail: string) => ({
      ok: false as const,
      message: `Unable to subscribe to changes with given parameters. An exception happened so please check your connect parameters: ${params}. Exception: ${detail}`,
    });
    if (!isChangeEvent(event))
      return exception(`invalid event ${binding.event}, expected one of *, INSERT, UPDATE, DELETE`);
    if (roleProblem) return exception(roleProblem);
    const relationIds = relationRowsSchema
      .parse(
        await sql.unsafe(
          `select c.oid::int as relation_id
         from pg_publication_tables pt
         join pg_namespace n on n.nspname = pt.schemaname
         join pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
         where pt.pubname = $1::text and ($2::text = '*' or pt.schemaname = $2::text) and ($3::text = '*' or pt.tablename = $3::text)`,
          [publication, binding.schema, table],
        ),
      )
      .map((row) => row.relation_id);
    if (relationIds.length === 0) {
      return {
        ok: false,
        message: `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: ${params}`,
      };
    }
    const problem = await checkColumns(sql, relationIds, filter.conditions, select);
    if (problem) return exception(problem);
    subscriptions.push({
      id: ids[index] ?? 0,
      event,
      relationIds: new Set(relationIds),
      filters: filter.conditions,
      select,
    });
  }
  return { ok: true, subscriptions };
}

function isChangeEvent(event: string): event is ChangeEvent | "*" {
  return event === "*" || event === "INSERT" || event === "UPDATE" || event === "DELETE";
}

/** Every filter and `select` column exists in every matched table and every filter value fits its column. */
async function checkColumns(
  sql: Sql,
  relationIds: number[],
  conditions: FilterCondition[],
  select: string[] | null,
): Promise<string | null> {
  if (conditions.length === 0 && !select) return null;
  for (const relationId of relationIds) {
    const shape = await loadTableShape(sql, relationId);
    if (!shape) return `table ${relationId} no longer exists`;
    const has = (column: string) => shape.columns.some((candidate) => candidate.name === column);
    const missingFilter = conditions.find((condition) => !has(condition.column));
    if (missingFilter) return `invalid column for filter ${missingFilter.column}`;
    const missingSelect = select?.find((column) => !has(column));
    if (missingSelect) return `invalid column for select ${missingSelect}`;
    if (conditions.length === 0) continue;
    const tableType = `${quoteIdent(shape.schema)}.${quoteIdent(shape.table)}`;
    try {
      await sql.unsafe(
        `select ${conditions.map((condition) => conditionSql(condition, shape, "x.n")).join(", ")} from (select null::${tableType} as n) as x`,
      );
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return null;
}
