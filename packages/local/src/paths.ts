import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute paths of the repository parts the local stack reads. */
const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const supabaseDir = resolve(repoRoot, "supabase");
export const functionsDir = resolve(supabaseDir, "functions");
export const webDir = resolve(repoRoot, "web");
export const localPackageDir = resolve(here, "..");
export const platformBootstrapSql = resolve(localPackageDir, "sql/platform-bootstrap.sql");
export const databaseTypesFile = resolve(repoRoot, "packages/shared/src/database.types.ts");

/** The binaries the npm packages install; resolved from the repository's node_modules. */
export const supabaseCli = resolve(repoRoot, "node_modules/.bin/supabase");
/**
 * The Deno executable itself (the `deno` package's postinstall puts it beside its `bin.cjs`); spawning it directly
 * rather than through the Node wrapper means stopping it stops Deno, not only the wrapper.
 */
export const denoBinary = existsSync(resolve(repoRoot, "node_modules/deno/deno"))
  ? resolve(repoRoot, "node_modules/deno/deno")
  : resolve(repoRoot, "node_modules/.bin/deno");
