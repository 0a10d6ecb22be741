import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { repoRoot, webDir } from "../paths.ts";

export interface DashboardBuildEnv {
  VITE_SUPABASE_URL: string;
  VITE_SUPABASE_ANON_KEY: string;
}

/**
 * Builds the dashboard with Vite for the local stand-in's URL and anon key. The build is skipped when neither the
 * sources (web/, packages/shared) nor the env changed since the last one, which keeps `npm start` fast.
 */
export async function buildDashboard(
  outDir: string,
  env: DashboardBuildEnv,
  log: (line: string) => void,
): Promise<"built" | "cached"> {
  const stampFile = resolve(outDir, ".arqan-build-stamp");
  const stamp = await hashInputs(env);
  if (
    existsSync(resolve(outDir, "index.html")) &&
    existsSync(stampFile) &&
    (await readFile(stampFile, "utf8")) === stamp
  ) {
    return "cached";
  }
  const { build } = await import("vite");
  Object.assign(process.env, env);
  await build({
    root: webDir,
    configFile: resolve(webDir, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
    customLogger: undefined,
  });
  await writeFile(stampFile, stamp);
  log(`[web] dashboard built into ${outDir}`);
  return "built";
}

async function hashInputs(env: DashboardBuildEnv): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(env));
  const roots = [webDir, resolve(repoRoot, "packages/shared/src")];
  for (const root of roots) {
    for (const file of await listFiles(root)) {
      hash.update(file);
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out.sort();
}
