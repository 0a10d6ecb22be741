import { describe, expect, it } from "vitest";
import { decodePgOutput, PgOutputDecodeError } from "./decodePgOutput.ts";

const byte = (char: string) => Buffer.from(char, "latin1");
const int8 = (value: number) => Buffer.from([value]);
const int16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
};
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};
const int64 = (value: bigint) => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE(value);
  return buffer;
};
const cstring = (text: string) => Buffer.concat([Buffer.from(text, "utf8"), int8(0)]);
const tuple = (...values: (string | null | undefined)[]) =>
  Buffer.concat([
    int16(values.length),
    ...values.map((value) => {
      if (value === null) return byte("n");
      if (value === undefined) return byte("u");
      const text = Buffer.from(value, "utf8");
      return Buffer.concat([byte("t"), int32(text.length), text]);
    }),
  ]);
/** 2024-05-01T10:00:00.123Z in microseconds since 2000-01-01. */
const commitMicros = BigInt(Date.UTC(2024, 4, 1, 10, 0, 0, 123) - Date.UTC(2000, 0, 1)) * 1000n + 456n;

describe("decodePgOutput", () => {
  it("reads transaction boundaries with their commit time", () => {
    expect(
      decodePgOutput(Buffer.concat([byte("B"), int64(0x16b374d848n), int64(commitMicros), int32(771)])),
    ).toEqual({
      tag: "begin",
      finalLsn: 0x16b374d848n,
      commitTime: new Date("2024-05-01T10:00:00.123Z"),
      xid: 771,
    });
    expect(
      decodePgOutput(Buffer.concat([byte("C"), int8(0), int64(10n), int64(20n), int64(commitMicros)])),
    ).toMatchObject({
      tag: "commit",
      commitLsn: 10n,
      endLsn: 20n,
    });
  });

  it("reads a relation and its key columns", () => {
    const message = Buffer.concat([
      byte("R"),
      int32(16384),
      cstring("public"),
      cstring("leads"),
      byte("f"),
      int16(2),
      int8(1),
      cstring("id"),
      int32(2950),
      int32(0xffffffff),
      int8(0),
      cstring("имя"),
      int32(25),
      int32(0xffffffff),
    ]);
    expect(decodePgOutput(message)).toEqual({
      tag: "relation",
      relation: {
        id: 16384,
        schema: "public",
        table: "leads",
        replicaIdentity: "f",
        columns: [
          { name: "id", typeOid: 2950, isKey: true },
          { name: "имя", typeOid: 25, isKey: false },
        ],
      },
    });
  });

  it("reads inserts, updates with the old row, and deletes with the key, keeping NULL and unchanged values apart", () => {
    expect(decodePgOutput(Buffer.concat([byte("I"), int32(7), byte("N"), tuple("1", "Алия", null)]))).toEqual(
      {
        tag: "insert",
        relationId: 7,
        newTuple: ["1", "Алия", null],
      },
    );
    expect(
      decodePgOutput(
        Buffer.concat([
          byte("U"),
          int32(7),
          byte("O"),
          tuple("1", "a", "x"),
          byte("N"),
          tuple("1", "b", undefined),
        ]),
      ),
    ).toEqual({
      tag: "update",
      relationId: 7,
      oldKind: "full",
      oldTuple: ["1", "a", "x"],
      newTuple: ["1", "b", undefined],
    });
    expect(
      decodePgOutput(Buffer.concat([byte("U"), int32(7), byte("N"), tuple("1", "c", null)])),
    ).toMatchObject({
      oldKind: null,
      oldTuple: null,
    });
    expect(decodePgOutput(Buffer.concat([byte("D"), int32(7), byte("K"), tuple("1", null, null)]))).toEqual({
      tag: "delete",
      relationId: 7,
      oldKind: "key",
      oldTuple: ["1", null, null],
    });
  });

  it("refuses a truncated message instead of inventing values", () => {
    expect(() =>
      decodePgOutput(
        Buffer.concat([byte("I"), int32(7), byte("N"), int16(1), byte("t"), int32(10), Buffer.from("abc")]),
      ),
    ).toThrow(PgOutputDecodeError);
  });
});
