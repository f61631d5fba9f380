// What the benchmarks print around their own phases: the machine line, a run per dialect (Postgres only
// when it answers), the PASS/MISS table of measures, and the closing summary with the exit code.
import os from "node:os";
import type { Dialect } from "../tests/support/app";
import { BASE_POSTGRES_URL, postgresAvailable } from "../tests/support/postgres";

export type Verdict = "PASS" | "MISS" | "";
export type Measure = { dialect: Dialect; measure: string; value: string; budget: string; verdict: Verdict };

export function printHeader(title: string, extra = "") {
  console.log(`Callboard ${title} — ${new Date().toISOString()}`);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? "unknown CPU"}, load average ${load}; node ${process.version}${extra}`,
  );
}

/** Runs `fn` labelled `label`; a failure is printed and reported as broken (false), not thrown. */
export async function attempt(label: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (error) {
    console.error(
      `[bench] ${label}: the benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return false;
  }
}

/** Runs `fn` on SQLite, then on Postgres when it answers; false when any run broke. */
export async function perDialect(fn: (dialect: Dialect) => Promise<void>): Promise<boolean> {
  let ok = true;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    if (dialect === "postgresql" && !(await postgresAvailable())) {
      console.log(`[bench] skipped Postgres: no server answered at ${BASE_POSTGRES_URL}`);
      continue;
    }
    ok = (await attempt(dialect, () => fn(dialect))) && ok;
  }
  return ok;
}

export function printMeasures(rows: Measure[], notes: string[] = []) {
  const header = ["dialect", "measure", "value", "budget", "result"];
  const body = rows.map((r) => [r.dialect, r.measure, r.value, r.budget, r.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log("");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
  for (const n of notes) console.log(`note: ${n}`);
  console.log("");
}

/** The closing line; the exit code is 1 only when the benchmark itself broke, never for a MISS. */
export function finish(rows: { verdict: Verdict }[], ok: boolean, started: number) {
  const misses = rows.filter((r) => r.verdict === "MISS").length;
  const summary = !ok ? "the benchmark broke (see above)" : misses ? `${misses} budget(s) missed` : "all budgets met";
  console.log(`${summary} — a missed budget is reported, not failed. Took ${Math.round((Date.now() - started) / 1000)} s.`);
  process.exitCode = ok ? 0 : 1;
}
