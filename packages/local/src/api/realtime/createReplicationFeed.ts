import { randomBytes } from "node:crypto";
import { Duplex } from "node:stream";
import postgres, { type Sql } from "postgres";
import { z } from "zod";
import { decodePgOutput, type Relation } from "./decodePgOutput.ts";
import type { ReplicatedTransaction, RowChange } from "./realtimeTypes.ts";

export type ReplicationStatus = { ok: true } | { ok: false; message: string };

export interface ReplicationFeed {
  /** Starts the stream if it is not running (retrying a failure at most every few seconds) and says how it went. */
  ensureStarted(): Promise<ReplicationStatus>;
  close(): Promise<void>;
}

export interface ReplicationFeedOptions {
  /** Owner URL of the database; the replication connection needs the REPLICATION attribute (superuser has it). */
  databaseUrl: string;
  /** Owner pool, for the checks made before streaming. */
  sql: Sql;
  publication: string;
  log: (line: string) => void;
  onTransaction: (transaction: ReplicatedTransaction) => void;
  /** pgoutput (re)described a table: anything cached about it is stale. */
  onRelation: (relationId: number) => void;
  /** The running stream broke; changes are missed until it is back. */
  onInterrupted: (message: string) => void;
  onResumed: () => void;
}

interface Session {
  isBroken(): boolean;
  end(): Promise<void>;
}

type FeedState =
  | { kind: "idle" }
  | { kind: "starting"; attempt: Promise<ReplicationStatus> }
  | { kind: "streaming"; session: Session }
  | { kind: "failed"; message: string; at: number }
  | { kind: "closed" };

const retryAfterMs = 3000;
const postgresEpochMs = Date.UTC(2000, 0, 1);

const slotSchema = z.object({ consistent_point: z.string().regex(/^[0-9A-F]+\/[0-9A-F]+$/i) });
const precheckSchema = z.object({ wal_level: z.string(), has_publication: z.boolean() });

/**
 * One logical replication stream per API server: a temporary pgoutput slot on the `supabase_realtime`
 * publication, read with postgres.js's replication connection (as its `subscribe` does) but decoded here so
 * transactions keep their commit time and boundaries, and values stay the text Postgres sent. Transactions are
 * handed on in commit order. If the database cannot replicate logically the feed says why instead of pretending.
 */
export function createReplicationFeed(options: ReplicationFeedOptions): ReplicationFeed {
  let state: FeedState = { kind: "idle" };
  let restartTimer: NodeJS.Timeout | null = null;

  function ensureStarted(): Promise<ReplicationStatus> {
    switch (state.kind) {
      case "streaming":
        return Promise.resolve({ ok: true });
      case "starting":
        return state.attempt;
      case "closed":
        return Promise.resolve({ ok: false, message: "Realtime is shutting down" });
      case "failed":
        if (Date.now() - state.at < retryAfterMs)
          return Promise.resolve({ ok: false, message: state.message });
        return begin();
      case "idle":
        return begin();
    }
  }

  function begin(): Promise<ReplicationStatus> {
    const attempt = start()
      .then(async (session): Promise<ReplicationStatus> => {
        if (state.kind === "closed") {
          await session.end();
          return { ok: false, message: "Realtime is shutting down" };
        }
        if (session.isBroken()) throw new Error("the stream closed as soon as it opened");
        state = { kind: "streaming", session };
        return { ok: true };
      })
      .catch((error: unknown): ReplicationStatus => {
        const message = error instanceof FeedUnavailableError ? error.message : describeStartFailure(error);
        if (state.kind !== "closed") state = { kind: "failed", message, at: Date.now() };
        options.log(`[realtime] ${message}`);
        return { ok: false, message };
      });
    state = { kind: "starting", attempt };
    return attempt;
  }

  async function start(): Promise<Session> {
    const [row] = await options.sql.unsafe(
      "select current_setting('wal_level') as wal_level, exists(select 1 from pg_publication where pubname = $1) as has_publication",
      [options.publication],
    );
    const precheck = precheckSchema.parse(row);
    if (precheck.wal_level !== "logical") {
      throw new FeedUnavailableError(
        `Realtime cannot read database changes: Postgres runs with wal_level=${precheck.wal_level}, and logical replication needs wal_level=logical (set it in postgresql.conf and restart Postgres)`,
      );
    }
    if (!precheck.has_publication) {
      throw new FeedUnavailableError(
        `Realtime cannot read database changes: the ${options.publication} publication does not exist (the platform bootstrap creates it; run it, or create the publication)`,
      );
    }
    return openSession();
  }

  async function openSession(): Promise<Session> {
    const connection = postgres(options.databaseUrl, {
      max: 1,
      fetch_types: false,
      idle_timeout: 0,
      max_lifetime: null,
      onnotice: () => {},
      onclose: () => fail("the connection closed"),
      connection: { replication: "database", application_name: "arqan-local-realtime" },
    });
    let stream: Duplex | null = null;
    let ending = false;
    let broken = false;
    const fail = (reason: string) => {
      if (ending || broken) return;
      broken = true;
      stream?.destroy();
      void connection.end({ timeout: 1 }).catch(() => {});
      const message = `Realtime lost the replication stream (${reason}); changes are not delivered until it reconnects`;
      options.log(`[realtime] ${message}`);
      if (state.kind === "streaming") {
        state = { kind: "failed", message, at: Date.now() };
        options.onInterrupted(message);
        scheduleRestart();
      }
    };
    try {
      const slotName = `arqan_realtime_${randomBytes(6).toString("hex")}`;
      const [slot] = await connection.unsafe(
        `CREATE_REPLICATION_SLOT ${slotName} TEMPORARY LOGICAL pgoutput NOEXPORT_SNAPSHOT`,
      );
      const { consistent_point: startPoint } = slotSchema.parse(slot);
      const opened = await connection
        .unsafe(
          `START_REPLICATION SLOT ${slotName} LOGICAL ${startPoint} (proto_version '1', publication_names '${options.publication}')`,
        )
        .writable();
      if (!(opened instanceof Duplex))
        throw new Error("postgres.js did not open a two-way replication stream");
      stream = opened;
    } catch (error) {
      ending = true;
      await connection.end({ timeout: 1 }).catch(() => {});
      throw error;
    }
    const replication = stream;
    const relations = new Map<number, Relation>();
    let transaction: ReplicatedTransaction | null = null;

    const acknowledge = (lsn: bigint) => {
      const message = Buffer.alloc(34);
      message.write("r", 0);
      message.writeBigUInt64BE(lsn, 1);
      message.writeBigUInt64BE(lsn, 9);
      message.writeBigUInt64BE(lsn, 17);
      message.writeBigInt64BE(BigInt(Date.now() - postgresEpochMs) * 1000n, 25);
      replication.write(message);
    };
    let lastLsn = 0n;

    const read = (chunk: Buffer) => {
      const kind = chunk[0];
      if (kind === 0x6b) {
        // Keepalive: outside a transaction everything up to the server's WAL end has been seen (writes to tables
        // outside the publication send nothing), so confirm it — else the slot pins all WAL since the start.
        if (transaction === null) {
          const walEnd = chunk.readBigUInt64BE(1);
          if (walEnd > lastLsn) lastLsn = walEnd;
          acknowledge(lastLsn);
        } else if (chunk[17] === 1) {
          acknowledge(lastLsn);
        }
        return;
      }
      if (kind !== 0x77) return;
      const message = decodePgOutput(chunk.subarray(25));
      switch (message.tag) {
        case "begin":
          transaction = { commitLsn: message.finalLsn, commitTime: message.commitTime, changes: [] };
          return;
        case "relation":
          relations.set(message.relation.id, message.relation);
          options.onRelation(message.relation.id);
          return;
        case "insert":
        case "update":
        case "delete":
          transaction?.changes.push(toRowChange(message, relations));
          return;
        case "commit": {
          const committed = transaction;
          transaction = null;
          lastLsn = message.endLsn;
          if (committed && committed.changes.length > 0) options.onTransaction(committed);
          acknowledge(lastLsn);
          return;
        }
        case "ignored":
          return;
      }
    };

    replication.on("data", (chunk: Buffer) => {
      try {
        read(chunk);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });
    replication.on("error", (error: Error) => fail(error.message));
    replication.on("close", () => fail("the server closed it"));

    return {
      isBroken: () => broken,
      async end() {
        ending = true;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          replication.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
          replication.end();
        });
        await connection.end({ timeout: 1 }).catch(() => {});
      },
    };
  }

  function scheduleRestart() {
    if (restartTimer) return;
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (state.kind !== "failed") return;
      void begin().then((status) => {
        if (status.ok) options.onResumed();
        else scheduleRestart();
      });
    }, retryAfterMs);
  }

  return {
    ensureStarted,
    async close() {
      const previous = state;
      state = { kind: "closed" };
      if (restartTimer) clearTimeout(restartTimer);
      if (previous.kind === "streaming") await previous.session.end();
      if (previous.kind === "starting") await previous.attempt;
    },
  };
}

/** The database cannot stream changes at all (configuration, not a transient failure). */
class FeedUnavailableError extends Error {
  override readonly name = "FeedUnavailableError";
}

function describeStartFailure(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Realtime could not start logical replication on the database (${detail}); check that the database user may replicate and that replication slots are free`;
}

function toRowChange(
  message: Extract<ReturnType<typeof decodePgOutput>, { tag: "insert" | "update" | "delete" }>,
  relations: ReadonlyMap<number, Relation>,
): RowChange {
  const relation = relations.get(message.relationId);
  if (!relation) throw new Error(`change for relation ${message.relationId} arrived before its description`);
  switch (message.tag) {
    case "insert":
      return { type: "INSERT", relation, newTuple: message.newTuple, oldTuple: null, oldKind: null };
    case "update":
      return {
        type: "UPDATE",
        relation,
        newTuple: message.newTuple,
        oldTuple: message.oldTuple,
        oldKind: message.oldKind,
      };
    case "delete":
      return {
        type: "DELETE",
        relation,
        newTuple: null,
        oldTuple: message.oldTuple,
        oldKind: message.oldKind,
      };
  }
}
