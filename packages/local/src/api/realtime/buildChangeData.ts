import type { ChangeData, ChangeEvent, TableShape } from "./realtimeTypes.ts";

/** A row as `to_jsonb` gave it, and which of its columns the WAL actually carried. */
export interface ChangeRow {
  values: Record<string, unknown>;
  present: ReadonlySet<string>;
}

export interface ChangeDataInput {
  shape: TableShape;
  type: ChangeEvent;
  commitTime: Date;
  /** Columns the subscriber's role may select. */
  readable: ReadonlySet<string>;
  /** Columns the binding asked for (`select`), or null for all. */
  select: readonly string[] | null;
  newRow: ChangeRow | null;
  oldRow: ChangeRow | null;
}

/**
 * The `data` of a postgres_changes event as Supabase's `realtime.apply_rls` builds it: `columns` the role may
 * select (narrowed by `select`, primary key always kept), `record` for INSERT/UPDATE, `old_record` for
 * UPDATE/DELETE, and for a DELETE on a table under RLS only the primary key, because the row is gone.
 */
export function buildChangeData(input: ChangeDataInput): ChangeData {
  const { shape, type, readable, select, newRow, oldRow } = input;
  const primaryKey = new Set(shape.primaryKey);
  const included = (column: string) =>
    readable.has(column) && (select === null || select.includes(column) || primaryKey.has(column));
  const pick = (row: ChangeRow, keep: (column: string) => boolean) => {
    const picked: Record<string, unknown> = {};
    for (const { name } of shape.columns) {
      if (row.present.has(name) && keep(name)) picked[name] = row.values[name] ?? null;
    }
    return picked;
  };
  const data: ChangeData = {
    schema: shape.schema,
    table: shape.table,
    type,
    commit_timestamp: input.commitTime.toISOString(),
    columns: shape.columns
      .filter(({ name }) => included(name))
      .map(({ name, type: columnType }) => ({ name, type: columnType })),
    errors: null,
  };
  if ((type === "INSERT" || type === "UPDATE") && newRow) data.record = pick(newRow, included);
  if (type === "UPDATE") {
    data.old_record = oldRow
      ? pick(oldRow, included)
      : newRow
        ? pick(newRow, (column) => primaryKey.has(column) && included(column))
        : {};
  }
  if (type === "DELETE") {
    data.old_record = oldRow
      ? pick(oldRow, (column) => included(column) && (!shape.rowSecurity || primaryKey.has(column)))
      : {};
  }
  return data;
}

/** The data of a change a subscriber may not see the contents of (Supabase's 400/401/500 deliveries). */
export function buildChangeErrorData(shape: TableShape, type: ChangeEvent, error: string): ChangeData {
  return { schema: shape.schema, table: shape.table, type, errors: [error] };
}
