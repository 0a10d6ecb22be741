/** A column of a published table as pgoutput describes it. */
export interface RelationColumn {
  name: string;
  typeOid: number;
  /** Part of the replica identity (with `replica identity full`, every column). */
  isKey: boolean;
}

/** A published table as pgoutput describes it (sent before its first change and after each change of shape). */
export interface Relation {
  id: number;
  schema: string;
  table: string;
  /** `d` default, `n` nothing, `f` full, `i` index. */
  replicaIdentity: string;
  columns: RelationColumn[];
}

/** A column value in text form; `null` is SQL NULL, `undefined` an unchanged TOASTed value that was not sent. */
export type TupleValue = string | null | undefined;

export type PgOutputMessage =
  | { tag: "begin"; finalLsn: bigint; commitTime: Date; xid: number }
  | { tag: "commit"; commitLsn: bigint; endLsn: bigint; commitTime: Date }
  | { tag: "relation"; relation: Relation }
  | { tag: "insert"; relationId: number; newTuple: TupleValue[] }
  | {
      tag: "update";
      relationId: number;
      oldTuple: TupleValue[] | null;
      oldKind: "key" | "full" | null;
      newTuple: TupleValue[];
    }
  | { tag: "delete"; relationId: number; oldTuple: TupleValue[]; oldKind: "key" | "full" }
  | { tag: "ignored"; code: string };

/** A replication stream message the decoder does not understand: the stream must be restarted. */
export class PgOutputDecodeError extends Error {
  override readonly name = "PgOutputDecodeError";
}

const postgresEpochMs = Date.UTC(2000, 0, 1);

/** Microseconds since 2000-01-01 (Postgres' epoch) as a Date. */
export function postgresTimestampToDate(microseconds: bigint): Date {
  return new Date(postgresEpochMs + Number(microseconds / 1000n));
}

/** Decodes one pgoutput (protocol version 1) logical replication message. */
export function decodePgOutput(buffer: Buffer): PgOutputMessage {
  const reader = new MessageReader(buffer);
  const code = String.fromCharCode(reader.uint8());
  switch (code) {
    case "B": {
      const finalLsn = reader.uint64();
      const commitTime = postgresTimestampToDate(reader.int64());
      return { tag: "begin", finalLsn, commitTime, xid: reader.uint32() };
    }
    case "C": {
      reader.uint8();
      const commitLsn = reader.uint64();
      const endLsn = reader.uint64();
      return { tag: "commit", commitLsn, endLsn, commitTime: postgresTimestampToDate(reader.int64()) };
    }
    case "R": {
      const id = reader.uint32();
      const schema = reader.cstring() || "pg_catalog";
      const table = reader.cstring();
      const replicaIdentity = String.fromCharCode(reader.uint8());
      const count = reader.uint16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < count; i++) {
        const flags = reader.uint8();
        const name = reader.cstring();
        const typeOid = reader.uint32();
        reader.uint32();
        columns.push({ name, typeOid, isKey: (flags & 1) === 1 });
      }
      return { tag: "relation", relation: { id, schema, table, replicaIdentity, columns } };
    }
    case "I": {
      const relationId = reader.uint32();
      reader.expect("N");
      return { tag: "insert", relationId, newTuple: reader.tuple() };
    }
    case "U": {
      const relationId = reader.uint32();
      let marker = String.fromCharCode(reader.uint8());
      let oldTuple: TupleValue[] | null = null;
      let oldKind: "key" | "full" | null = null;
      if (marker === "K" || marker === "O") {
        oldKind = marker === "K" ? "key" : "full";
        oldTuple = reader.tuple();
        marker = String.fromCharCode(reader.uint8());
      }
      if (marker !== "N")
        throw new PgOutputDecodeError(`update message without a new tuple (marker ${marker})`);
      return { tag: "update", relationId, oldTuple, oldKind, newTuple: reader.tuple() };
    }
    case "D": {
      const relationId = reader.uint32();
      const marker = String.fromCharCode(reader.uint8());
      if (marker !== "K" && marker !== "O")
        throw new PgOutputDecodeError(`delete message without an old tuple (marker ${marker})`);
      return {
        tag: "delete",
        relationId,
        oldTuple: reader.tuple(),
        oldKind: marker === "K" ? "key" : "full",
      };
    }
    default:
      return { tag: "ignored", code };
  }
}

class MessageReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  uint8(): number {
    this.need(1);
    const value = this.buffer.readUInt8(this.offset);
    this.offset += 1;
    return value;
  }

  uint16(): number {
    this.need(2);
    const value = this.buffer.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  uint64(): bigint {
    this.need(8);
    const value = this.buffer.readBigUInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  int64(): bigint {
    this.need(8);
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  cstring(): string {
    const end = this.buffer.indexOf(0, this.offset);
    if (end < 0) throw new PgOutputDecodeError("unterminated string in replication message");
    const value = this.buffer.toString("utf8", this.offset, end);
    this.offset = end + 1;
    return value;
  }

  expect(marker: string): void {
    const found = String.fromCharCode(this.uint8());
    if (found !== marker)
      throw new PgOutputDecodeError(`expected ${marker} in replication message, found ${found}`);
  }

  tuple(): TupleValue[] {
    const count = this.uint16();
    const values: TupleValue[] = [];
    for (let i = 0; i < count; i++) {
      const kind = String.fromCharCode(this.uint8());
      if (kind === "n") values.push(null);
      else if (kind === "u") values.push(undefined);
      else if (kind === "t") {
        const length = this.uint32();
        this.need(length);
        values.push(this.buffer.toString("utf8", this.offset, this.offset + length));
        this.offset += length;
      } else throw new PgOutputDecodeError(`unknown tuple value kind ${kind}`);
    }
    return values;
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.buffer.length)
      throw new PgOutputDecodeError("replication message ended early");
  }
}
