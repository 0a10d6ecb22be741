import postgres from "postgres";

/**
 * One postgres.js pool per function instance over SUPABASE_DB_URL. `prepare: false` because on Supabase the URL
 * points at the Supavisor pooler in transaction mode, where prepared statements do not survive.
 */
let pool: ReturnType<typeof postgres> | null = null;

export function getDatabase(databaseUrl: string): ReturnType<typeof postgres> {
  pool ??= postgres(databaseUrl, {
    prepare: false,
    max: 5,
    connect_timeout: 3,
    idle_timeout: 20,
    onnotice: () => {},
  });
  return pool;
}
