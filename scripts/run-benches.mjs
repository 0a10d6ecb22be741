#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (through tsx) and repeats their BENCH lines at the end.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const benches = readdirSync(resolve(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();
const lines = [];
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const run = spawnSync(resolve(root, "node_modules/.bin/tsx"), [resolve(root, "bench", file)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(run.stdout ?? "");
  lines.push(...(run.stdout ?? "").split("\n").filter((l) => l.startsWith("BENCH ")));
  if (run.status !== 0) {
    failed += 1;
    console.error(`${file} failed (exit ${run.status})`);
  }
}
console.log("\n== summary");
for (const line of lines) console.log(line);
process.exit(failed === 0 ? 0 : 1);
