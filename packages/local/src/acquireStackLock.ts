import { open, readFile, rm, writeFile } from "node:fs/promises";

/** Another `npm start` owns the data folder; nothing was touched. */
export class StackAlreadyRunningError extends Error {
  override readonly name = "StackAlreadyRunningError";
  constructor(
    readonly pid: number,
    readonly dashboardUrl: string | null,
  ) {
    super(
      `Arqan is already running (pid ${pid})${dashboardUrl ? ` at ${dashboardUrl}` : ""}; stop it first (Ctrl-C in its terminal).`,
    );
  }
}

export interface StackLock {
  /** Records what the running stack serves, for a second `npm start` to report. */
  describe(dashboardUrl: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * One stack per data folder: a lock file created atomically (O_EXCL) holding our pid. A lock whose pid is gone
 * (a crash, a kill -9) is stale and taken over.
 */
export async function acquireStackLock(lockPath: string): Promise<StackLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(JSON.stringify({ pid: process.pid, dashboardUrl: null }));
      await handle.close();
      return {
        async describe(dashboardUrl) {
          await writeFile(lockPath, JSON.stringify({ pid: process.pid, dashboardUrl }));
        },
        async release() {
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (!(error instanceof Error) || !("code" in error) || error.code !== "EEXIST") throw error;
      const holder = await readLockHolder(lockPath);
      if (holder && isAlive(holder.pid)) throw new StackAlreadyRunningError(holder.pid, holder.dashboardUrl);
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

async function readLockHolder(
  lockPath: string,
): Promise<{ pid: number; dashboardUrl: string | null } | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      const url =
        "dashboardUrl" in parsed && typeof parsed.dashboardUrl === "string" ? parsed.dashboardUrl : null;
      return { pid: parsed.pid, dashboardUrl: url };
    }
  } catch {
    // unreadable or half-written: treat as stale
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
