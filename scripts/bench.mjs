// `npm run bench`: makes sure dependencies and a build of the current source exist (the same steps as
// `npm start`), then runs the benchmark (bench/, with tsx). Benchmarks are not tests: they report
// ratios measured in one run (see DESIGN.md section 6 and docs/benchmarks.md).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { bin, ensureDependencies, root, run } from "./lib.mjs";
import { ensureBuild } from "./start.mjs";

ensureDependencies();
run(process.execPath, [join("scripts", "db-generate.mjs")]);
ensureBuild();

const result = spawnSync(bin("tsx"), [join("bench", "create-call.bench.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
