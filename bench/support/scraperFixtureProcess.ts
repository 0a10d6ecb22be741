import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** Starts bench/support/scraperFixtureServer.ts in a child process; resolves with the shop's URL and its pid. */
export function startScraperFixtureProcess(
  pages: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve(import.meta.dirname, "scraperFixtureServer.ts")],
    {
      env: { ...process.env, BENCH_FIXTURE_PAGES: String(pages) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /fixture (http:\/\/\S+)/.exec(output);
      if (match && child.pid !== undefined) {
        resolvePromise({
          url: match[1]!,
          pid: child.pid,
          stop: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`fixture shop exited ${code}: ${output}`)));
  });
}
