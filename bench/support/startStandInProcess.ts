import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** Starts bench/support/serveStandIn.ts in a child process and resolves with its URL. */
export function startStandInProcess(
  databaseUrl: string,
  jwtSecret: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  // BENCH_STANDIN_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the stand-in under load.
  const nodeArgs = (process.env.BENCH_STANDIN_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", resolve(import.meta.dirname, "serveStandIn.ts")],
    {
      env: {
        ...process.env,
        BENCH_DATABASE_URL: databaseUrl,
        BENCH_JWT_SECRET: jwtSecret,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        resolvePromise({
          url: `http://127.0.0.1:${match[1]}`,
          stop: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.on("exit", (code) => reject(new Error(`stand-in exited ${code}`)));
  });
}
