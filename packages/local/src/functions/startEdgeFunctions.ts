import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { denoBinary, functionsDir, localPackageDir } from "../paths.ts";

export interface EdgeFunctionsHandle {
  /** Where the Deno process listens, e.g. http://127.0.0.1:40123 (paths are `/<function name>/…`). */
  url: string;
  stop(): Promise<void>;
}

/** The environment a hosted Edge Function gets. */
export interface EdgeFunctionsEnv {
  SUPABASE_URL: string;
  SUPABASE_DB_URL: string;
  SUPABASE_ANON_KEY: string;
  SUPABASE_SERVICE_ROLE_KEY: string;
  [extra: string]: string;
}

/**
 * Serves every Edge Function under Deno (npm package `deno`) in one process with the hosted environment.
 * Resolves once Deno listens; rejects with Deno's output if it exits first.
 */
export function startEdgeFunctions(
  env: EdgeFunctionsEnv,
  log: (line: string) => void = () => {},
): Promise<EdgeFunctionsHandle> {
  const script = resolve(localPackageDir, "deno/serveFunctions.ts");
  const child: ChildProcess = spawn(
    denoBinary,
    [
      "run",
      "--quiet",
      "--no-prompt",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-sys",
      `--config=${resolve(functionsDir, "deno.json")}`,
      script,
      functionsDir,
      "0",
    ],
    {
      env: {
        ...filteredParentEnv(),
        ...env,
        DENO_TLS_CA_STORE: process.env.DENO_TLS_CA_STORE ?? "system",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so stopping it reaches anything it started.
      detached: true,
    },
  );
  // Until Deno listens, its output is kept (a bounded tail) to explain a failed start; after that it is only logged.
  let startupOutput = "";
  let listening = false;
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split("\n")) if (line.trim()) log(`[functions] ${line}`);
      if (listening) return;
      startupOutput = (startupOutput + text).slice(-4000);
      const match = /functions listening on (\d+)/.exec(startupOutput);
      if (match?.[1]) {
        listening = true;
        resolvePromise({ url: `http://127.0.0.1:${match[1]}`, stop: () => stopChild(child) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!listening)
        reject(
          new Error(
            `Deno exited (${code ?? signal}) before serving functions: ${startupOutput.slice(-2000)}`,
          ),
        );
      else if (!stopping.has(child))
        log(`[functions] Deno exited unexpectedly (${code ?? signal}): /functions/v1 now answers 503`);
    });
  });
}

/** Children being stopped on purpose, whose exit is not news. */
const stopping = new WeakSet<ChildProcess>();

/** The parent's environment without our own secrets that a function should not see. */
function filteredParentEnv(): Record<string, string> {
  const keep = [
    "PATH",
    "HOME",
    "DENO_DIR",
    "DENO_TLS_CA_STORE",
    "DENO_CERT",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "NO_PROXY",
    "TZ",
  ];
  const env: Record<string, string> = {};
  for (const name of keep) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  stopping.add(child);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => signalGroup("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise();
    });
    signalGroup("SIGTERM");
  });
}
