import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireStackLock, StackAlreadyRunningError } from "../../packages/local/src/acquireStackLock.ts";

/** One `npm start` per data folder: a second one reports the first and touches nothing. */
describe("the stack lock", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "arqan-lock-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("refuses a second holder while the first runs, naming its pid and dashboard", async () => {
    const lockPath = join(dir, "arqan.lock");
    const first = await acquireStackLock(lockPath);
    await first.describe("http://127.0.0.1:54323");
    const error = await acquireStackLock(lockPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackAlreadyRunningError);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect((error as Error).message).toContain("http://127.0.0.1:54323");
    await first.release();
    const again = await acquireStackLock(lockPath);
    await again.release();
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const lockPath = join(dir, "arqan.lock");
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => dead.on("exit", () => resolve(dead.pid ?? 0)));
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, dashboardUrl: null }));
    const lock = await acquireStackLock(lockPath);
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });
});
