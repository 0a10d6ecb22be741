import { readdirSync, readFileSync } from "node:fs";

/** Parent pid of every running process, from /proc/<pid>/stat. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while being read.
    }
  }
  return parents;
}

/** Memory of a process tree in MB. */
export interface TreeMemory {
  /** VmRSS summed over the processes: counts pages shared between them (Chromium's) once per process. */
  rssMb: number;
  /** Proportional set size summed: each shared page split between its sharers — the tree's real footprint. */
  pssMb: number;
}

/** Memory of `root` and its descendants, leaving out the `excluded` subtrees. */
export function processTreeMemory(root: number, excluded: number[]): TreeMemory {
  const parents = parentsByPid();
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let rssKb = 0;
  let pssKb = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (excluded.includes(pid)) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rssKb += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
}

/** Samples the process tree's memory every `everyMs` until `stop()`, which answers the peaks in MB. */
export function sampleTreeRss(excluded: number[], everyMs = 100): { stop(): TreeMemory } {
  const peak: TreeMemory = { rssMb: 0, pssMb: 0 };
  const sample = () => {
    const now = processTreeMemory(process.pid, excluded);
    peak.rssMb = Math.max(peak.rssMb, now.rssMb);
    peak.pssMb = Math.max(peak.pssMb, now.pssMb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
