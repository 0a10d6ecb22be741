import { readFile } from "node:fs/promises";
import type { Sql } from "postgres";
import { platformBootstrapSql } from "../paths.ts";

/**
 * A Supabase database already has the platform objects (roles, `auth`, the Realtime publication); any other
 * Postgres gets them from our idempotent bootstrap. Supabase is recognised by its `supabase_admin` role.
 */
export async function isSupabaseDatabase(sql: Sql): Promise<boolean> {
  const rows = await sql<{ supabase: boolean }[]>`
    select exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase`;
  return rows[0]?.supabase === true;
}

/** Creates the platform objects a hosted Supabase project has, unless the database is Supabase's. */
export async function bootstrapPlatform(sql: Sql): Promise<"supabase" | "bootstrapped"> {
  if (await isSupabaseDatabase(sql)) return "supabase";
  const script = await readFile(platformBootstrapSql, "utf8");
  await sql.begin(async (tx) => {
    // Serialise concurrent bootstraps (two test workers, a stack and a test) on one cluster.
    await tx`select pg_advisory_xact_lock(hashtext('arqan.platform-bootstrap'))`;
    await tx.unsafe(script);
  });
  return "bootstrapped";
}
