// `npm run bench`: builds the app if there is no build yet, then runs the benchmark (bench/, with tsx).
// Benchmarks are not tests: they report ratios measured in one run (see DESIGN.md section 6 and
// docs/benchmarks.md).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bin, log, root, run } from "./lib.mjs";

const buildId = join(root, ".next", "BUILD_ID");

/** Newest modification time under the app's source folders (bounded walk, skips node_modules). */
function newestSource(dir, depth = 0) {
  if (depth > 8 || !existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full, depth + 1) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(buildId)) {
  log("no build found: building the app (next build)…");
  run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
} else {
  const sources = Math.max(...["app", "server", "lib", "components", "prisma"].map((d) => newestSource(join(root, d))));
  if (sources > statSync(buildId).mtimeMs) {
    log("warning: source files changed after the last build; run `npx next build` first to measure the current code");
  }
}

const result = spawnSync(bin("tsx"), [join("bench", "create-call.bench.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
