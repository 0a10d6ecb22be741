import { spawn } from "node:child_process";
import { repoRoot, supabaseCli } from "../paths.ts";

/** A migration the Supabase CLI could not apply; the database keeps its previous state. */
export class MigrationFailedError extends Error {
  override readonly name = "MigrationFailedError";
  constructor(
    readonly migration: string | null,
    readonly reason: string,
  ) {
    super(migration ? `Migration ${migration} failed: ${reason}` : `Migrations failed: ${reason}`);
  }
}

export interface PushMigrationsResult {
  applied: string[];
}

/**
 * Applies `supabase/migrations` with the real Supabase CLI (`supabase db push --remote=<url>`), which records
 * them in `supabase_migrations.schema_migrations` exactly as it does for a hosted project.
 */
export async function pushMigrations(
  databaseUrl: string,
  options: { workdir?: string } = {},
): Promise<PushMigrationsResult> {
  const args = [
    "db",
    "push",
    `--remote=${databaseUrl}`,
    "--yes",
    "--include-all",
    "--workdir",
    options.workdir ?? repoRoot,
  ];
  const { code, output } = await runCli(args);
  const applied = [...output.matchAll(/Applying migration (\S+)\.\.\./g)].map((m) => m[1] ?? "");
  if (code !== 0) {
    const failed = applied.at(-1) ?? null;
    throw new MigrationFailedError(failed, summariseCliError(output));
  }
  return { applied };
}

function summariseCliError(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "").trim())
    .filter(
      (line) => line.length > 0 && !line.startsWith("▲") && !line.startsWith("│") && !/npm warn/i.test(line),
    );
  const errorLines = lines.filter((line) => /error|failed|SQLSTATE/i.test(line));
  return (errorLines.length > 0 ? errorLines : lines.slice(-5)).join(" ").slice(0, 2000);
}

export function runCli(
  args: string[],
  input?: string,
): Promise<{ code: number; output: string; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(supabaseCli, args, {
      cwd: repoRoot,
      env: {
        ...process.env,
        SUPABASE_TELEMETRY_DISABLED: "1",
        DO_NOT_TRACK: "1",
        NO_COLOR: "1",
        CI: process.env.CI ?? "",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, output, stdout }));
    child.stdin.end(input ?? "");
  });
}
