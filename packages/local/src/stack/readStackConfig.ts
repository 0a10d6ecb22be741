import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";
import { repoRoot } from "../paths.ts";

const port = z.coerce.number().int().min(0).max(65535);

const stackEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  ARQAN_DATA_DIR: z.string().min(1).optional(),
  ARQAN_API_PORT: port.default(54321),
  ARQAN_DB_PORT: port.default(54322),
  ARQAN_DASHBOARD_PORT: port.default(54323),
  ARQAN_JWT_SECRET: z.string().min(32, "ARQAN_JWT_SECRET needs at least 32 characters").optional(),
  ARQAN_SEED_DEMO: z.enum(["0", "1"]).optional(),
  ARQAN_VERBOSE: z.enum(["0", "1"]).default("0"),
  ARQAN_DB_POOL: z.coerce.number().int().min(2).max(200).optional(),
});

/**
 * Connections the stand-in keeps to Postgres. On a small machine more connections only add context switches:
 * with 2 cores, 4 serves the most requests per second (bench/restRpc.bench.ts measured 1 591/s against 1 284/s with 20).
 */
export function defaultPoolSize(): number {
  return Math.max(4, availableParallelism() * 2);
}

export interface StackConfig {
  /** An external database; when absent the stack runs embedded Postgres in `dataDir/postgres`. */
  databaseUrl: string | null;
  dataDir: string;
  apiPort: number;
  dbPort: number;
  dashboardPort: number;
  jwtSecret: string | null;
  /** null = decide from the database (seed unless it is a Supabase database). */
  seedDemo: boolean | null;
  verbose: boolean;
  /** Size of the stand-in's connection pool. */
  poolSize: number;
  /** Where the messaging settings for the functions come from (TELEGRAM_API_ROOT, OPENAI_*, ARQAN_PUBLIC_URL…). */
  functionsEnv: Record<string, string | undefined>;
}

/** Reads and validates the local stack's environment once (see .env.example). */
export function readStackConfig(env: Record<string, string | undefined> = process.env): StackConfig {
  const parsed = stackEnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolve(e.ARQAN_DATA_DIR ?? resolve(repoRoot, ".data")),
    apiPort: e.ARQAN_API_PORT,
    dbPort: e.ARQAN_DB_PORT,
    dashboardPort: e.ARQAN_DASHBOARD_PORT,
    jwtSecret: e.ARQAN_JWT_SECRET ?? null,
    seedDemo: e.ARQAN_SEED_DEMO === undefined ? null : e.ARQAN_SEED_DEMO === "1",
    verbose: e.ARQAN_VERBOSE === "1",
    poolSize: e.ARQAN_DB_POOL ?? defaultPoolSize(),
    functionsEnv: env,
  };
}
