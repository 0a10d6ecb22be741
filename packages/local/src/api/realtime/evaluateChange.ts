import type { Sql } from "postgres";
import { z } from "zod";
import { buildChangeData, buildChangeErrorData, type ChangeRow } from "./buildChangeData.ts";
import type { TupleValue } from "./decodePgOutput.ts";
import { conditionSql, sqlTypeOf } from "./filterConditionSql.ts";
import type { FilterCondition } from "./parseChangeFilter.ts";
import { compositeText, quoteIdent, quoteLiteral, quoteNullableLiteral } from "./quoteSql.ts";
import type {
  ChangeData,
  ChangeListener,
  ChangeSubscription,
  RowChange,
  TableShape,
} from "./realtimeTypes.ts";
import type { ChannelAuth } from "./verifyChannelToken.ts";

/** A channel whose bindings match a change's table and event, with the token it holds right now. */
export interface ChangeCandidate {
  listener: ChangeListener;
  auth: ChannelAuth;
  subscriptions: ChangeSubscription[];
}

export interface ChangeDelivery {
  listener: ChangeListener;
  payload: { ids: number[]; data: ChangeData };
}

export interface EvaluateChangeOptions {
  sql: Sql;
  shape: TableShape;
  change: RowChange;
  commitTime: Date;
  candidates: ChangeCandidate[];
  log: (line: string) => void;
  /** Logs a line once per key (for conditions that would otherwise repeat on every change). */
  warnOnce: (key: string, line: string) => void;
}

const roleFactsSchema = z.object({
  name: z.string(),
  exists: z.boolean(),
  bypass: z.boolean(),
  columns: z.array(z.string()),
  policies: z.array(z.object({ permissive: z.boolean(), qual: z.string() })),
});
type RoleFacts = z.infer<typeof roleFactsSchema>;

const factsSchema = z.object({
  new: z.record(z.string(), z.unknown()).nullable(),
  old: z.record(z.string(), z.unknown()).nullable(),
  filters: z.array(z.boolean()),
  row_security: z.boolean(),
  roles: z.array(roleFactsSchema),
});

const visibleSchema = z.array(z.object({ visible: z.boolean().nullable() }));

const errorNoPrimaryKey = "Error 400: Bad Request, no primary key";
const errorUnauthorized = "Error 401: Unauthorized";
const errorPolicyFailed = "Error 500: Internal Server Error, RLS policy evaluation failed";

/**
 * Decides who receives one row change and what each receives, as Supabase Realtime does, with two round trips:
 * (1) as the owner: the WAL row typed (`to_jsonb`), every binding filter evaluated, and per subscriber role what
 * it may select, whether it bypasses RLS and (for DELETE) its SELECT policies; (2) in one read-only transaction,
 * for each distinct token: `set role` + `request.jwt.claims`, then the row selected by primary key (INSERT,
 * UPDATE) or the role's policies evaluated over the old row (DELETE).
 */
export async function evaluateChange(options: EvaluateChangeOptions): Promise<ChangeDelivery[]> {
  const { sql, shape, change, candidates } = options;
  const newText = change.newTuple ? rowText(shape, change, change.newTuple, "new") : null;
  const oldText = change.oldTuple ? rowText(shape, change, change.oldTuple, "old") : null;
  const conditions = collectConditions(candidates);
  const filterRow = change.type === "DELETE" ? "x.o" : "x.n";
  const roles = [...new Set(candidates.map((candidate) => candidate.auth.role))];
  const tableType = `${quoteIdent(shape.schema)}.${quoteIdent(shape.table)}`;
  const [factsRow] = await sql.unsafe(
    `select json_build_object(
       'new', to_jsonb(x.n), 'old', to_jsonb(x.o),
       'filters', json_build_array(${[...conditions.values()].map((condition) => conditionSql(condition, shape, filterRow)).join(", ")}),
       'row_security', c.relrowsecurity,
       'roles', (${roleFactsSql(roles, change.type === "DELETE")})
     ) as facts
     from (select ${quoteNullableLiteral(newText?.text ?? null)}::text::${tableType} as n,
                  ${quoteNullableLiteral(oldText?.text ?? null)}::text::${tableType} as o) as x,
          pg_class c
     where c.oid = ${shape.relationId}`,
  );
  if (!factsRow) return [];
  const facts = factsSchema.parse(z.object({ facts: z.unknown() }).parse(factsRow).facts);
  const filterResults = new Map(
    [...conditions.keys()].map((key, index) => [key, facts.filters[index] === true]),
  );
  const passes = (subscription: ChangeSubscription) =>
    subscription.filters.every((condition) => filterResults.get(conditionKey(condition)) === true);
  const newRow: ChangeRow | null =
    facts.new && newText ? { values: facts.new, present: newText.present } : null;
  const oldRow: ChangeRow | null =
    facts.old && oldText ? { values: facts.old, present: oldText.present } : null;
  const shapeNow: TableShape = { ...shape, rowSecurity: facts.row_security };
  const factsByRole = new Map(facts.roles.map((role) => [role.name, role]));

  const deliveries: ChangeDelivery[] = [];
  const pending: { candidate: ChangeCandidate; subscriptions: ChangeSubscription[]; role: RoleFacts }[] = [];
  for (const candidate of candidates) {
    const role = factsByRole.get(candidate.auth.role);
    if (!role?.exists) {
      options.warnOnce(
        `role:${candidate.auth.role}`,
        `[realtime] role ${candidate.auth.role} no longer exists; its channels receive nothing`,
      );
      continue;
    }
    const readable = new Set(role.columns);
    const keyReadable = shapeNow.primaryKey.every((column) => readable.has(column));
    if (change.type !== "DELETE" && shapeNow.primaryKey.length === 0) {
      deliveries.push(
        ...errorDeliveries(
          candidate,
          candidate.subscriptions,
          buildChangeErrorData(shapeNow, change.type, errorNoPrimaryKey),
        ),
      );
      continue;
    }
    if (!keyReadable || readable.size === 0) {
      if (change.type !== "DELETE") {
        deliveries.push(
          ...errorDeliveries(
            candidate,
            candidate.subscriptions,
            buildChangeErrorData(shapeNow, change.type, errorUnauthorized),
          ),
        );
      }
      continue;
    }
    const matching = candidate.subscriptions.filter(passes);
    if (matching.length === 0) continue;
    if (!shapeNow.rowSecurity || role.bypass) {
      deliveries.push(
        ...dataDeliveries(candidate, matching, role, {
          shape: shapeNow,
          change,
          commitTime: options.commitTime,
          newRow,
          oldRow,
        }),
      );
      continue;
    }
    if (change.type === "DELETE" && change.oldKind !== "full") {
      options.warnOnce(
        `identity:${shape.relationId}`,
        `[realtime] DELETE on ${shape.schema}.${shape.table} is not delivered to RLS-bound subscribers: its policies cannot be checked without the old row; run "alter table ${tableType} replica identity full"`,
      );
      continue;
    }
    pending.push({ candidate, subscriptions: matching, role });
  }
  if (pending.length === 0) return deliveries;

  const visibility = await checkRowSecurity(
    options,
    pending,
    newText?.primaryKey ?? oldText?.primaryKey ?? [],
    oldText?.text ?? null,
  );
  for (const [index, { candidate, subscriptions, role }] of pending.entries()) {
    const verdict = visibility[index];
    if (verdict === "error") {
      deliveries.push(
        ...errorDeliveries(
          candidate,
          subscriptions,
          buildChangeErrorData(shapeNow, change.type, errorPolicyFailed),
        ),
      );
    } else if (verdict === true) {
      deliveries.push(
        ...dataDeliveries(candidate, subscriptions, role, {
          shape: shapeNow,
          change,
          commitTime: options.commitTime,
          newRow,
          oldRow,
        }),
      );
    }
  }
  return deliveries;
}

/** Runs the per-token RLS checks; one transaction for all, or one per token when a check fails. */
async function checkRowSecurity(
  options: EvaluateChangeOptions,
  pending: { candidate: ChangeCandidate; role: RoleFacts }[],
  primaryKey: { column: string; value: string }[],
  oldText: string | null,
): Promise<(boolean | "error")[]> {
  const { sql, shape, change } = options;
  const statementsFor = ({
    candidate,
    role,
  }: {
    candidate: ChangeCandidate;
    role: RoleFacts;
  }): string | null => {
    const check =
      change.type === "DELETE" ? policyCheckSql(shape, role, oldText) : primaryKeyCheckSql(shape, primaryKey);
    if (check === null) return null;
    return `select set_config('role', ${quoteLiteral(candidate.auth.role)}, true), set_config('request.jwt.claims', ${quoteLiteral(JSON.stringify(candidate.auth.claims))}, true);\n${check};`;
  };
  const statements = pending.map(statementsFor);
  const runnable = statements.flatMap((statement, index) =>
    statement === null ? [] : [{ statement, index }],
  );
  const verdicts: (boolean | "error")[] = statements.map(() => false);
  if (runnable.length === 0) return verdicts;
  try {
    const [results] = await sql.begin("read only", (tx) => [
      tx.unsafe(runnable.map(({ statement }) => statement).join("\n")),
    ]);
    const perStatement = z.array(z.unknown()).parse(results);
    for (const [position, { index }] of runnable.entries()) {
      verdicts[index] = visibleSchema.parse(perStatement[position * 2 + 1])[0]?.visible === true;
    }
    return verdicts;
  } catch (batchError) {
    options.log(`[realtime] RLS check batch failed, checking each subscriber alone: ${describe(batchError)}`);
  }
  for (const { statement, index } of runnable) {
    try {
      const [results] = await sql.begin("read only", (tx) => [tx.unsafe(statement)]);
      verdicts[index] = visibleSchema.parse(z.array(z.unknown()).parse(results)[1])[0]?.visible === true;
    } catch (error) {
      const { role } = pending[index]!;
      options.log(
        `[realtime] RLS check on ${shape.schema}.${shape.table} failed for role ${role.name}: ${describe(error)}`,
      );
      verdicts[index] = "error";
    }
  }
  return verdicts;
}

/** INSERT/UPDATE: can the subscriber select the row, found by its primary key? */
function primaryKeyCheckSql(
  shape: TableShape,
  primaryKey: { column: string; value: string }[],
): string | null {
  if (primaryKey.length === 0) return null;
  const where = primaryKey
    .map(
      ({ column, value }) =>
        `t.${quoteIdent(column)} = ${quoteLiteral(value)}::text::${sqlTypeOf(shape, column)}`,
    )
    .join(" and ");
  return `select exists(select 1 from ${quoteIdent(shape.schema)}.${quoteIdent(shape.table)} as t where ${where}) as visible`;
}

/**
 * DELETE: do the role's SELECT policies hold on the old row? Permissive ones OR'd, restrictive ones AND'd (as
 * Postgres combines them), evaluated over the row rebuilt from the WAL under the table's name so the policies'
 * column references resolve. No permissive policy means no access.
 */
function policyCheckSql(shape: TableShape, role: RoleFacts, oldText: string | null): string | null {
  const permissive = role.policies
    .filter((policy) => policy.permissive)
    .map((policy) => `coalesce((${policy.qual}), false)`);
  if (permissive.length === 0 || oldText === null) return null;
  const restrictive = role.policies
    .filter((policy) => !policy.permissive)
    .map((policy) => `coalesce((${policy.qual}), false)`);
  const predicate = [`(${permissive.join(" or ")})`, ...restrictive].join(" and ");
  const tableType = `${quoteIdent(shape.schema)}.${quoteIdent(shape.table)}`;
  return `select ${predicate} as visible from (select (${quoteLiteral(oldText)}::text::${tableType}).*) as ${quoteIdent(shape.table)}`;
}

/** Per role: does it exist, does it bypass RLS here, which columns may it select, and its SELECT policies. */
function roleFactsSql(roles: string[], withPolicies: boolean): string {
  const policies = withPolicies
    ? `coalesce((select json_agg(json_build_object('permissive', p.polpermissive, 'qual', pg_get_expr(p.polqual, p.polrelid)) order by p.polname)
         from pg_policy p
         where p.polrelid = c.oid and p.polcmd in ('r', '*') and p.polqual is not null
           and case when p.polroles = '{0}'::oid[] then true
                    else exists (select 1 from unnest(p.polroles) as pr(oid) where pr.oid <> 0 and pg_has_role(ro.oid, pr.oid, 'USAGE')) end),
         '[]'::json)`
    : `'[]'::json`;
  return `select coalesce(json_agg(json_build_object(
      'name', r.name,
      'exists', ro.oid is not null,
      'bypass', coalesce(ro.rolsuper or ro.rolbypassrls or (not c.relforcerowsecurity and pg_has_role(ro.oid, c.relowner, 'USAGE')), false),
      'columns', coalesce((select json_agg(a.attname order by a.attnum) from pg_attribute a
                           where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                             and has_column_privilege(ro.oid, c.oid, a.attnum, 'SELECT')), '[]'::json),
      'policies', ${policies})), '[]'::json)
    from unnest(array[${roles.map(quoteLiteral).join(", ")}]::text[]) as r(name)
    left join pg_roles ro on ro.rolname = r.name`;
}

function conditionKey(condition: FilterCondition): string {
  return JSON.stringify([condition.column, condition.operator, condition.value, condition.negated]);
}

function collectConditions(candidates: ChangeCandidate[]): Map<string, FilterCondition> {
  const conditions = new Map<string, FilterCondition>();
  for (const candidate of candidates) {
    for (const subscription of candidate.subscriptions) {
      for (const condition of subscription.filters) conditions.set(conditionKey(condition), condition);
    }
  }
  return conditions;
}

/**
 * The WAL row as a composite literal in the table's column order, which columns it really carries, and its
 * primary key values. An unchanged TOASTed value is taken from the old row when that was sent in full.
 */
function rowText(
  shape: TableShape,
  change: RowChange,
  tuple: readonly TupleValue[],
  which: "new" | "old",
): { text: string; present: Set<string>; primaryKey: { column: string; value: string }[] } {
  const byName = new Map<string, TupleValue>();
  const present = new Set<string>();
  for (const [index, column] of change.relation.columns.entries()) {
    if (which === "old" && change.oldKind === "key" && !column.isKey) continue;
    let value = tuple[index];
    if (value === undefined && which === "new" && change.oldKind === "full") value = change.oldTuple?.[index];
    if (value === undefined) continue;
    byName.set(column.name, value);
    present.add(column.name);
  }
  const text = compositeText(shape.columns.map((column) => byName.get(column.name) ?? null));
  const primaryKey = shape.primaryKey.flatMap((column) => {
    const value = byName.get(column);
    return typeof value === "string" ? [{ column, value }] : [];
  });
  return { text, present, primaryKey };
}

function dataDeliveries(
  candidate: ChangeCandidate,
  subscriptions: ChangeSubscription[],
  role: RoleFacts,
  change: {
    shape: TableShape;
    change: RowChange;
    commitTime: Date;
    newRow: ChangeRow | null;
    oldRow: ChangeRow | null;
  },
): ChangeDelivery[] {
  const readable = new Set(role.columns);
  return groupBySelect(subscriptions).map(({ select, ids }) => ({
    listener: candidate.listener,
    payload: {
      ids,
      data: buildChangeData({
        shape: change.shape,
        type: change.change.type,
        commitTime: change.commitTime,
        readable,
        select,
        newRow: change.newRow,
        oldRow: change.oldRow,
      }),
    },
  }));
}

function errorDeliveries(
  candidate: ChangeCandidate,
  subscriptions: ChangeSubscription[],
  data: ChangeData,
): ChangeDelivery[] {
  return groupBySelect(subscriptions).map(({ ids }) => ({
    listener: candidate.listener,
    payload: { ids, data },
  }));
}

function groupBySelect(subscriptions: ChangeSubscription[]): { select: string[] | null; ids: number[] }[] {
  const groups = new Map<string, { select: string[] | null; ids: number[] }>();
  for (const subscription of subscriptions) {
    const key = JSON.stringify(subscription.select);
    const group = groups.get(key) ?? { select: subscription.select, ids: [] };
    group.ids.push(subscription.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
