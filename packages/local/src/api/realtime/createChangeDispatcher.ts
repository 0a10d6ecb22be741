import type { Sql } from "postgres";
import { type ChangeCandidate, type ChangeDelivery, evaluateChange } from "./evaluateChange.ts";
import { loadTableShape } from "./loadTableShape.ts";
import type { ChangeListener, ReplicatedTransaction, RowChange, TableShape } from "./realtimeTypes.ts";

export interface ChangeDispatcher {
  /** Starts matching changes against a channel's bindings; the returned function stops it. */
  register(listener: ChangeListener): () => void;
  /** Takes the next committed transaction from the replication feed (called in commit order). */
  enqueue(transaction: ReplicatedTransaction): void;
  /** pgoutput re-described a table: reload its shape before the next change. */
  forgetTable(relationId: number): void;
  /** Tells every registered channel about the replication stream. */
  notifyAll(status: "ok" | "error", message: string): void;
}

/** How many changes are evaluated against the database at once (their deliveries still go out in order). */
const evaluationsInFlight = 4;

/**
 * Fans the one replication stream out to the joined channels. Each change is matched against the bindings,
 * evaluated (filters, RLS) with up to a few changes in flight, and delivered strictly in commit order; a channel
 * gets only changes committed after it joined, and none once its token has expired.
 */
export function createChangeDispatcher(options: { sql: Sql; log: (line: string) => void }): ChangeDispatcher {
  const listeners = new Set<ChangeListener>();
  const shapes = new Map<number, Promise<TableShape | null>>();
  const warned = new Set<string>();
  let emission: Promise<void> = Promise.resolve();
  let running = 0;
  const waiting: (() => void)[] = [];

  const warnOnce = (key: string, line: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    options.log(line);
  };

  const shapeOf = (relationId: number): Promise<TableShape | null> => {
    let shape = shapes.get(relationId);
    if (!shape) {
      shape = loadTableShape(options.sql, relationId);
      shapes.set(relationId, shape);
      shape.catch(() => shapes.delete(relationId));
    }
    return shape;
  };

  const limited = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= evaluationsInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  const candidatesFor = (change: RowChange): ChangeCandidate[] =>
    [...listeners].flatMap((listener) => {
      if (!listener.isOpen()) return [];
      const subscriptions = listener.subscriptions.filter(
        (subscription) =>
          subscription.relationIds.has(change.relation.id) &&
          (subscription.event === "*" || subscription.event === change.type),
      );
      return subscriptions.length > 0 ? [{ listener, auth: listener.auth(), subscriptions }] : [];
    });

  const deliver = async (transaction: ReplicatedTransaction, deliveries: ChangeDelivery[]) => {
    for (const { listener, payload } of deliveries) {
      const joinedAt = await listener.joinedAt;
      if (joinedAt === null || transaction.commitLsn < joinedAt || !listener.isOpen()) continue;
      if (listener.auth().expiresAt <= Date.now()) {
        listener.expire();
        continue;
      }
      listener.deliver(payload);
    }
  };

  return {
    register(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue(transaction) {
      for (const change of transaction.changes) {
        const candidates = candidatesFor(change);
        if (candidates.length === 0) continue;
        const evaluation = limited(async () => {
          const shape = await shapeOf(change.relation.id);
          if (!shape) return [];
          return evaluateChange({
            sql: options.sql,
            shape,
            change,
            commitTime: transaction.commitTime,
            candidates,
            log: options.log,
            warnOnce,
          });
        });
        // Awaited (and its failure logged) in commit order below; until then, a rejection must not count as unhandled.
        evaluation.catch(() => {});
        emission = emission.then(async () => {
          try {
            await deliver(transaction, await evaluation);
          } catch (error) {
            const table = `${change.relation.schema}.${change.relation.table}`;
            options.log(
              `[realtime] ${change.type} on ${table} was not delivered: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        });
      }
    },
    forgetTable(relationId) {
      shapes.delete(relationId);
    },
    notifyAll(status, message) {
      for (const listener of listeners) if (listener.isOpen()) listener.notify(status, message);
    },
  };
}
