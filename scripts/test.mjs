// `npm test`: installs what is missing (dependencies, Debian's Chromium when root), builds the app,
// then runs the whole suite: unit tests, API tests against the running app on SQLite and on
// PostgreSQL, and the Playwright browser tests. Prints one summary line at the end.
//   npm test            everything (the Postgres half is skipped, with a notice, if Postgres is down)
//   npm test -- e2e     only the browser tests
// REQUIRE_POSTGRES=1 (set by .ci/run) turns a missing Postgres into a failure.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { bin, ensureDependencies, log, root, run } from "./lib.mjs";

const CHROMIUM = "/usr/bin/chromium";
const DOVECOT = "/usr/sbin/dovecot";
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  }
  log("installing Debian's Chromium for the browser tests (apt-get install chromium)…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** The e-mail tests run a real IMAP server on loopback: Debian's Dovecot, installed like Chromium. */
function ensureDovecot() {
  if (existsSync(DOVECOT)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Dovecot is missing at ${DOVECOT}. Install it with: sudo apt-get install -y dovecot-imapd`);
  }
  log("installing Debian's Dovecot for the e-mail tests (apt-get install dovecot-imapd)…");
  run("apt-get", ["update", "-qq"]);
  // The tests start their own server on a free port, whether or not the system's service runs.
  run("apt-get", ["install", "-y", "-qq", "dovecot-imapd"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

async function postgresUp() {
  // Imported here, not at the top: dependencies may only exist after ensureDependencies().
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/** Runs vitest with a JSON report so the counts can be summed across runs. */
function vitest(label, args, env = {}) {
  const report = join(mkdtempSync(join(tmpdir(), "cb-vitest-")), "report.json");
  log(`running ${label}…`);
  const r = spawnSync(bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  if (r.status !== 0) failures.push(label);
}

function playwright() {
  const report = join(mkdtempSync(join(tmpdir(), "cb-pw-")), "report.json");
  log("running browser tests (Playwright, Chromium)…");
  const r = spawnSync(bin("playwright"), ["test"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, "utf8")).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  if (r.status !== 0) failures.push("browser tests");
}

async function main() {
  const only = process.argv[2];
  ensureDependencies();
  run(process.execPath, [join("scripts", "db-generate.mjs")]);
  const { ensureBuild } = await import("./start.mjs");
  ensureBuild();

  if (!only || only === "unit") vitest("unit tests", ["--project", "unit"]);
  if (!only || only === "api") {
    ensureDovecot();
    vitest("API tests on SQLite", ["--project", "api"], { TEST_DIALECT: "sqlite" });
    if (await postgresUp()) {
      vitest("API tests on PostgreSQL", ["--project", "api"], { TEST_DIALECT: "postgresql", TEST_POSTGRES_URL: POSTGRES_URL });
    } else if (process.env.REQUIRE_POSTGRES === "1") {
      log(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${POSTGRES_URL} is unreachable.`);
      failures.push("API tests on PostgreSQL (unreachable)");
    } else {
      log(`NOTICE: skipped the PostgreSQL half: ${POSTGRES_URL} is unreachable. Set TEST_POSTGRES_URL or start Postgres.`);
    }
  }
  if (!only || only === "e2e") {
    ensureChromium();
    playwright();
  }

  console.log("");
  console.log(`Total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  if (failures.length) {
    log(`FAILED: ${failures.join("; ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`[callboard] test run failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
