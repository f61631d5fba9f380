// CPU time of a process and its descendants, read from /proc (Linux). Lets the benchmark report how
// busy the server was during a phase, next to the load generator's own CPU use. Elsewhere it reports
// nothing rather than failing.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // After the name: state(0) ppid(1) … utime(11) stime(12)
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Seconds of CPU used so far by `root` and all its descendants, or null where /proc is unavailable. */
export function treeCpuSeconds(root: number): number | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    parent.set(pid, s.ppid);
    ticks.set(pid, s.ticks);
  }
  if (!ticks.has(root)) return null;
  let total = 0;
  for (const [pid, t] of ticks) {
    // Walk up at most 64 levels to see whether `root` is an ancestor.
    let p: number | undefined = pid;
    for (let depth = 0; depth < 64 && p !== undefined && p > 1; depth++) {
      if (p === root) {
        total += t;
        break;
      }
      p = parent.get(p);
    }
  }
  return total / TICKS_PER_SECOND;
}

/** Resident memory of `root` and its descendants in bytes (shared pages counted once per process), or null. */
export function treeRssBytes(root: number): number | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) parent.set(pid, s.ppid);
  }
  if (!parent.has(root)) return null;
  let total = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    for (let depth = 0; depth < 64 && p !== undefined && p > 1 && p !== root; depth++) p = parent.get(p);
    if (p !== root) continue;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
