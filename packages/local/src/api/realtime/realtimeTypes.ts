import type { Relation, TupleValue } from "./decodePgOutput.ts";
import type { FilterCondition } from "./parseChangeFilter.ts";
import type { ChannelAuth } from "./verifyChannelToken.ts";

export type ChangeEvent = "INSERT" | "UPDATE" | "DELETE";

/** One row change read from the `supabase_realtime` publication. */
export interface RowChange {
  type: ChangeEvent;
  relation: Relation;
  /** New row (INSERT, UPDATE), in `relation.columns` order. */
  newTuple: TupleValue[] | null;
  /** Old row (UPDATE with a changed key or `replica identity full`, DELETE), in `relation.columns` order. */
  oldTuple: TupleValue[] | null;
  oldKind: "key" | "full" | null;
}

/** A committed transaction, in commit order. */
export interface ReplicatedTransaction {
  /** LSN of the commit record: compared with a channel's join position. */
  commitLsn: bigint;
  commitTime: Date;
  changes: RowChange[];
}

/** What the catalog says about a published table, cached until pgoutput re-describes it. */
export interface TableShape {
  relationId: number;
  schema: string;
  table: string;
  rowSecurity: boolean;
  /** Live columns in attribute order; `type` is `pg_type.typname` (what Supabase sends), `sqlType` a castable name. */
  columns: { name: string; type: string; sqlType: string }[];
  primaryKey: string[];
}

/** One postgres_changes binding of a joined channel, resolved against the publication. */
export interface ChangeSubscription {
  /** The id the join reply gave the client for this binding; deliveries name it in `ids`. */
  id: number;
  event: ChangeEvent | "*";
  relationIds: ReadonlySet<number>;
  filters: FilterCondition[];
  /** Columns the client asked for (`select`), or null for all it may read. */
  select: string[] | null;
}

/** The `data` of a postgres_changes event, as Supabase's `realtime.apply_rls` builds it. */
export interface ChangeData {
  schema: string;
  table: string;
  type: ChangeEvent;
  commit_timestamp?: string;
  columns?: { name: string; type: string }[];
  record?: Record<string, unknown>;
  old_record?: Record<string, unknown>;
  errors: string[] | null;
}

/** A joined channel with postgres_changes bindings, as the change dispatcher sees it. */
export interface ChangeListener {
  subscriptions: readonly ChangeSubscription[];
  /** The channel's current token (it may be replaced by an `access_token` message). */
  auth(): ChannelAuth;
  /**
   * Resolves, once the join reply is out, to the WAL position the channel joined at (changes committed before it
   * are not delivered), or to null when the join did not complete.
   */
  joinedAt: Promise<bigint | null>;
  isOpen(): boolean;
  deliver(payload: { ids: number[]; data: ChangeData }): void;
  /** The token ran out: the channel sends Supabase's system error and closes. */
  expire(): void;
  /** Tells the client about the replication stream (lost: error; back: subscribed again). */
  notify(status: "ok" | "error", message: string): void;
}
