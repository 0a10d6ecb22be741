import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../../packages/local/src/findFreePort.ts";
import { readStackConfig } from "../../packages/local/src/stack/readStackConfig.ts";
import { type RunningStack, startStack } from "../../packages/local/src/stack/startStack.ts";

/** The whole local stack as `npm start` runs it, on free ports with a throwaway data folder. */
export async function startTestAppStack(
  env: Record<string, string> = {},
): Promise<RunningStack & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), "arqan-e2e-"));
  // mkdtemp makes the folder 0700; Postgres runs as the `postgres` user and must reach its data folder inside.
  await chmod(dataDir, 0o755);
  const config = readStackConfig({
    ARQAN_DATA_DIR: dataDir,
    ARQAN_API_PORT: String(await findFreePort()),
    ARQAN_DB_PORT: String(await findFreePort()),
    ARQAN_DASHBOARD_PORT: String(await findFreePort()),
    ARQAN_SCRAPER_PORT: String(await findFreePort()),
    // The messaging settings the functions get (e.g. TELEGRAM_API_ROOT pointing at tests/fakes).
    ...env,
  });
  const stack = await startStack(config, () => {});
  return {
    ...stack,
    dataDir,
    async stop() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
