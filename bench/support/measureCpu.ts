import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far by every process, summed by kind (postgres, deno, node…), from /proc. */
function cpuByKind(): Map<string, number> {
  const ticksPerSecond = 100;
  const totals = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      const kind = name.startsWith("postgres") ? "postgres" : name;
      totals.set(kind, (totals.get(kind) ?? 0) + seconds);
    } catch {
      // The process ended while being read.
    }
  }
  return totals;
}

/** Starts counting; `stop()` answers the CPU seconds each kind of process used since, largest first. */
export function measureCpu(): { stop(): Record<string, number> } {
  const before = cpuByKind();
  return {
    stop() {
      const after = cpuByKind();
      const used: [string, number][] = [];
      for (const [kind, seconds] of after) {
        const delta = seconds - (before.get(kind) ?? 0);
        if (delta >= 0.05) used.push([kind, Math.round(delta * 10) / 10]);
      }
      return Object.fromEntries(used.sort((a, b) => b[1] - a[1]));
    },
  };
}
