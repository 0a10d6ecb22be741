import type { Sql } from "postgres";
import { z } from "zod";

const positionSchema = z.object({ lsn: z.string().regex(/^[0-9A-F]+\/[0-9A-F]+$/i) });

/**
 * The current WAL insert position: a transaction whose commit record lies at or after it committed after this
 * call, so a channel joining now receives exactly the changes committed from here on.
 */
export async function readWalPosition(sql: Sql): Promise<bigint> {
  const [row] = await sql.unsafe("select pg_current_wal_insert_lsn()::text as lsn");
  return parseLsn(positionSchema.parse(row).lsn);
}

/** `16/B374D848` → 0x16B374D848. */
export function parseLsn(lsn: string): bigint {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}
