// `npm start` from stopped to ready with dependencies installed: a cold start (new data folder: initdb, all
// migrations, seed, dashboard build) and warm restarts (data kept, the usual case). Target: warm ≤ 10 s.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findFreePort } from "../packages/local/src/findFreePort.ts";
import { percentile, printBench, round } from "./support/startBenchDatabase.ts";

const bin = resolve(import.meta.dirname, "../node_modules/.bin/arqan");

async function timeStart(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(bin, ["start"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = await new Promise<number>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Arqan is ready")) resolvePromise(performance.now() - started);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`arqan start exited ${code}: ${output.slice(-1500)}`)));
  });
  await new Promise<void>((done) => {
    child.removeAllListeners("exit");
    child.once("exit", () => done());
    child.kill("SIGINT");
  });
  return ready;
}

const dataDir = await mkdtemp(join(tmpdir(), "arqan-bench-start-"));
// mkdtemp makes the folder 0700; Postgres runs as the `postgres` user and must reach its data folder inside.
await chmod(dataDir, 0o755);
try {
  const env = {
    ARQAN_DATA_DIR: dataDir,
    ARQAN_API_PORT: String(await findFreePort()),
    ARQAN_DB_PORT: String(await findFreePort()),
    ARQAN_DASHBOARD_PORT: String(await findFreePort()),
  };
  const cold = await timeStart(env);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timeStart(env));
  printBench({
    name: "npm-start",
    cold_start_s: round(cold / 1000, 2),
    warm_start_median_s: round(percentile(warm, 50) / 1000, 2),
    warm_start_max_s: round(Math.max(...warm) / 1000, 2),
    target_warm_s: 10,
    runs: warm.length,
  });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
