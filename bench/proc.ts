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

/** Every process in `root`'s tree (itself and its descendants) with its /proc/pid/stat, or null without /proc. */
function processTree(root: number): Map<number, { ppid: number; ticks: number }> | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return null;
  }
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) all.set(pid, s);
  }
  if (!all.has(root)) return null;
  const tree = new Map<number, { ppid: number; ticks: number }>();
  for (const [pid, s] of all) {
    // Walk up at most 64 levels to see whether `root` is an ancestor.
    let p: number | undefined = pid;
    for (let depth = 0; depth < 64 && p !== undefined && p > 1 && p !== root; depth++) p = all.get(p)?.ppid;
    if (p === root) tree.set(pid, s);
  }
  return tree;
}

/** Seconds of CPU used so far by `root` and all its descendants, or null where /proc is unavailable. */
export function treeCpuSeconds(root: number): number | null {
  const tree = processTree(root);
  if (!tree) return null;
  let ticks = 0;
  for (const s of tree.values()) ticks += s.ticks;
  return ticks / TICKS_PER_SECOND;
}

/** Resident memory of `root` and its descendants in bytes (shared pages counted once per process), or null. */
export function treeRssBytes(root: number): number | null {
  const tree = processTree(root);
  if (!tree) return null;
  let total = 0;
  for (const pid of tree.keys()) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
