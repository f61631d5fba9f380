// `npm run bench`: makes sure dependencies and a build of the current source exist (the same steps as
// `npm start`), then runs the benchmarks (bench/*.bench.ts, with tsx); `npm run bench -- live-events`
// runs only the named ones. Benchmarks are not tests: they report figures measured in one run (see
// DESIGN.md section 6 and docs/benchmarks.md).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { bin, ensureDependencies, root, run } from "./lib.mjs";
import { ensureBuild } from "./start.mjs";

ensureDependencies();
run(process.execPath, [join("scripts", "db-generate.mjs")]);
ensureBuild();

const all = ["create-call", "engine-load", "live-events", "knowledge", "analytics"];
const picked = process.argv.slice(2).filter((name) => all.includes(name));
let status = 0;
for (const name of picked.length ? picked : all) {
  const result = spawnSync(bin("tsx"), [join("bench", `${name}.bench.ts`)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  status ||= result.status ?? 1;
}
process.exit(status);
