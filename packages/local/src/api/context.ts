import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sql } from "postgres";

/** What every part of the local Supabase API stand-in is given. */
export interface ApiContext {
  /**
   * Pooled connection as the database owner. Request handlers never query with it directly: they open a
   * transaction and `set local role` + `request.jwt.claims` exactly as PostgREST does, so RLS decides.
   */
  sql: Sql;
  /** Owner URL of the same database (Realtime opens its logical replication connection with it). */
  databaseUrl: string;
  /** HS256 secret that signs access tokens and the API keys. */
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Access token lifetime, seconds (GoTrue's default 3600). */
  jwtExpirySeconds: number;
  /** Public URL of the stand-in, e.g. http://127.0.0.1:54321 */
  apiUrl: string;
  log: (line: string) => void;
}

/** A handler for one route prefix; `url` is the parsed request URL. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
