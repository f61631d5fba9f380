// `npm start`: everything a fresh clone needs, then the server.
// 1. install dependencies if missing  2. generate the Prisma clients  3. migrate + seed + bootstrap
// 4. build if no build exists for this commit  5. serve on PORT (default 3000)
// `node scripts/start.mjs --prebuilt` (the container image) skips 1, 2 and 4: the image was built with them,
// and serves Next's standalone server (server.js) when the image holds one instead of next start.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { bin, ensureDependencies, log, root, run, sourceVersion } from "./lib.mjs";

export function ensureBuild() {
  const stampFile = join(root, ".next", "CALLBOARD_BUILD");
  const version = sourceVersion();
  const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (built === version) {
    log(`using the existing build of ${version.slice(0, 12)}`);
    return;
  }
  log("building the app (next build)… this takes a minute or two the first time");
  run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stampFile, version);
}

export function prepareDatabase() {
  run(bin("tsx"), [join("scripts", "prepare.ts")]);
}

function main() {
  const prebuilt = process.argv.includes("--prebuilt");
  if (!prebuilt) {
    ensureDependencies();
    run(process.execPath, [join("scripts", "db-generate.mjs")]);
  }
  prepareDatabase();
  if (!prebuilt) ensureBuild();
  const port = process.env.PORT ?? "3000";
  log(`starting on http://localhost:${port}`);
  const standalone = prebuilt && existsSync(join(root, "server.js"));
  // The standalone server listens on HOSTNAME, which container runtimes set to the container's name (one
  // interface, so a published port would not answer); all interfaces, as `next start` listens.
  const [command, args, extraEnv] = standalone
    ? [process.execPath, [join(root, "server.js")], { HOSTNAME: "0.0.0.0" }]
    : [bin("next"), ["start", "-p", port], {}];
  const server = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    // NEXT_MANUAL_SIG_HANDLE: Callboard's own graceful shutdown (server/system/shutdown.ts) handles SIGTERM.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true", PORT: port, ...extraEnv },
  });
  // A stop we were asked for (SIGTERM from a container runtime, Ctrl-C) is a clean exit, whatever code
  // the server ends with on the way.
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
    });
  }
  server.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
}

if (process.argv[1] === new URL(import.meta.url).pathname) main();
