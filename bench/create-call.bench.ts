// `npm run bench`: DESIGN.md section 6's budgets, measured in one run against the built app.
// For each dialect (SQLite, then PostgreSQL when reachable): a fresh database with 100,000 finished
// interactions, the app served by `next start`, then
//   1. GET /api/v1/calls?status=completed&limit=20&page=3, one connection: median latency
//   2. GET /api/ping (the bare route handler), 16 connections: the baseline throughput
//   3. GET /api/v1/calls/:id (auth + one read) against the baseline, and a diagnostic: POST /api/v1/calls
//      rejected by validation (auth + body + zod, no writes), 16 connections
//   4. POST /api/v1/calls with the contract body, 16 connections: throughput, p50, p99
//   5. diagnostic: the same create on a second instance with the worker off
// Create Call is measured last because every call it creates keeps the in-process worker busy
// simulating it afterwards. Every phase is bounded in time and in requests. A missed budget is
// reported, not failed: the exit code is 0 unless the benchmark itself broke.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type Dialect,
  newDatabase,
  prepareDatabase,
  ROOT,
  type RunningApp,
  startApp,
  TEST_CREDENTIALS,
} from "../tests/support/app";
import { BASE_POSTGRES_URL, postgresAvailable } from "../tests/support/postgres";
import { REFERENCE_ID, seedInteractions, waitForIdleWorker } from "./db";
import { type LoadOptions, type LoadResult, runLoad } from "./load";
import { treeCpuSeconds } from "./proc";

const CONNECTIONS = 16;
const MEASURE_MS = boundedEnvNumber("BENCH_MEASURE_MS", 10_000, 1_000, 30_000);
const DIAGNOSTIC_MS = Math.round(MEASURE_MS / 2);
const WARMUP_MS = 3_000;
const LIST_ROWS = 100_000;
const LIST_MAX_REQUESTS = 400;
const IDLE_WAIT_MS = 60_000;

const APP_ENV = { API_RATE_LIMIT_PER_MINUTE: "0", WORKER_ENABLED: "true", SIMULATOR_STEP_MS: "1000" };
const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;
const CREATE_BODY = readFileSync(path.join(ROOT, "docs", "reference", "create-call.request.json"), "utf8");
// The same body with one invalid field: the request is authenticated, read and fully parsed, then
// rejected with 422 before any database access (the auth check is cached in memory).
const INVALID_BODY = JSON.stringify({ ...JSON.parse(CREATE_BODY), channel: "carrier-pigeon" });
const LIST_PATH = "/api/v1/calls?status=completed&limit=20&page=3";

const BUDGET = {
  sqliteCreateRatio: 0.7,
  sqliteCreateP99Ms: 30,
  postgresCreateRatio: 0.6,
  postgresCreateP99Ms: 40,
  sqliteGetRatio: 0.6,
  postgresGetRatio: 0.5,
  listMedianMs: 15,
};

function boundedEnvNumber(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

type Verdict = "PASS" | "MISS" | "";

type Row = {
  dialect: Dialect;
  phase: string;
  connections: number;
  result: LoadResult;
  /** Server (next start and its children) CPU use during the phase, in cores; null when unknown. */
  serverCores: number | null;
  clientCores: number;
  ratio: number | null;
  budget: string;
  verdict: Verdict;
  note?: string;
};

const rows: Row[] = [];
const notes: string[] = [];

function log(message: string) {
  console.log(`[bench] ${message}`);
}

/** Runs one load phase and measures the CPU the server and this process spent on it. */
async function measure(app: RunningApp, options: Omit<LoadOptions, "url"> & { path: string }) {
  const pid = app.process.pid ?? -1;
  const server0 = treeCpuSeconds(pid);
  const client0 = process.cpuUsage();
  const result = await runLoad({ ...options, url: `${app.url}${options.path}` });
  const server1 = treeCpuSeconds(pid);
  const client = process.cpuUsage(client0);
  const seconds = result.elapsedMs / 1000;
  return {
    result,
    serverCores: server0 === null || server1 === null ? null : (server1 - server0) / seconds,
    clientCores: (client.user + client.system) / 1e6 / seconds,
  };
}

const createOptions = (body: string, expectStatus: number) => ({
  path: "/api/v1/calls",
  method: "POST" as const,
  headers: { authorization: AUTH, "content-type": "application/json" },
  body,
  expectStatus,
});

/** One request through fetch, to check a phase's request works before loading it. */
async function probe(app: RunningApp, pathname: string, init: RequestInit, expectStatus: number): Promise<string> {
  const res = await fetch(`${app.url}${pathname}`, init);
  const text = await res.text();
  if (res.status !== expectStatus)
    throw new Error(
      `${init.method ?? "GET"} ${pathname} answered ${res.status}, expected ${expectStatus}: ${text.slice(0, 500)}`,
    );
  return text;
}

async function benchDialect(dialect: Dialect) {
  const database = await newDatabase(dialect);
  let app: RunningApp | null = null;
  try {
    log(`${dialect}: migrating and seeding a fresh database`);
    prepareDatabase(database.url);
    const t0 = performance.now();
    const completed = await seedInteractions(dialect, database.url, LIST_ROWS);
    log(
      `${dialect}: inserted ${LIST_ROWS.toLocaleString("en-US")} interactions (${completed.toLocaleString("en-US")} completed) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    app = await startApp(database.url, APP_ENV);
    log(`${dialect}: app on ${app.url} (pid ${app.process.pid})`);

    // Check each request once, then warm up (JIT, route bundles, connection pools, Prisma's compiled queries).
    const auth = { authorization: AUTH };
    const listed = JSON.parse(await probe(app, LIST_PATH, { headers: auth }, 200)) as unknown[];
    if (listed.length !== 20) throw new Error(`the list returned ${listed.length} items, expected 20`);
    const created = JSON.parse(
      await probe(
        app,
        "/api/v1/calls",
        { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: CREATE_BODY },
        200,
      ),
    ) as { id: string };
    await probe(
      app,
      "/api/v1/calls",
      { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: INVALID_BODY },
      422,
    );
    await probe(app, "/api/ping", {}, 200);
    const getPath = `/api/v1/calls/${created.id}`;
    await probe(app, getPath, { headers: auth }, 200);

    log(`${dialect}: warming up`);
    await runLoad({ url: `${app.url}/api/ping`, connections: CONNECTIONS, durationMs: WARMUP_MS });
    await runLoad({ url: `${app.url}${LIST_PATH}`, headers: auth, connections: 4, durationMs: WARMUP_MS, maxRequests: 200 });
    await runLoad({ url: `${app.url}${getPath}`, headers: auth, connections: CONNECTIONS, durationMs: WARMUP_MS });
    await runLoad({
      url: `${app.url}/api/v1/calls`,
      ...createOptions(INVALID_BODY, 422),
      connections: CONNECTIONS,
      durationMs: WARMUP_MS,
    });
    await runLoad({
      url: `${app.url}/api/v1/calls`,
      ...createOptions(CREATE_BODY, 200),
      connections: CONNECTIONS,
      durationMs: WARMUP_MS,
      maxRequests: 300,
    });
    const left = await waitForIdleWorker(dialect, database.url, IDLE_WAIT_MS);
    if (left > 0)
      notes.push(`${dialect}: the worker still had ${left} pending jobs after the warm-up; later phases compete with it.`);

    log(`${dialect}: list with ${LIST_ROWS.toLocaleString("en-US")} interactions, 1 connection`);
    const list = await measure(app, {
      path: LIST_PATH,
      headers: auth,
      connections: 1,
      durationMs: MEASURE_MS,
      maxRequests: LIST_MAX_REQUESTS,
      expectStatus: 200,
    });
    rows.push({
      dialect,
      phase: "list (status, page 3 of 20)",
      connections: 1,
      ...list,
      ratio: null,
      budget: `median < ${BUDGET.listMedianMs} ms`,
      verdict: list.result.p50 < BUDGET.listMedianMs && list.result.errors === 0 ? "PASS" : "MISS",
    });

    log(`${dialect}: GET /api/ping, ${CONNECTIONS} connections`);
    const ping = await measure(app, { path: "/api/ping", connections: CONNECTIONS, durationMs: MEASURE_MS, expectStatus: 200 });
    const baseline = ping.result.rps;
    rows.push({ dialect, phase: "ping (baseline)", connections: CONNECTIONS, ...ping, ratio: 1, budget: "", verdict: "" });

    log(`${dialect}: diagnostics (create rejected by validation; get one call), ${CONNECTIONS} connections`);
    const invalid = await measure(app, {
      ...createOptions(INVALID_BODY, 422),
      connections: CONNECTIONS,
      durationMs: DIAGNOSTIC_MS,
    });
    rows.push({
      dialect,
      phase: "diag: create, 422 (no DB)",
      connections: CONNECTIONS,
      ...invalid,
      ratio: invalid.result.rps / baseline,
      budget: "",
      verdict: "",
    });
    const get = await measure(app, {
      path: getPath,
      headers: auth,
      connections: CONNECTIONS,
      durationMs: DIAGNOSTIC_MS,
      expectStatus: 200,
    });
    const getRatio = get.result.rps / baseline;
    const getBudget = dialect === "sqlite" ? BUDGET.sqliteGetRatio : BUDGET.postgresGetRatio;
    rows.push({
      dialect,
      phase: "get one call",
      connections: CONNECTIONS,
      ...get,
      ratio: getRatio,
      budget: `>= ${pct(getBudget)} of ping`,
      verdict: get.result.errors === 0 && getRatio >= getBudget ? "PASS" : "MISS",
    });

    log(`${dialect}: POST /api/v1/calls, ${CONNECTIONS} connections`);
    const create = await measure(app, { ...createOptions(CREATE_BODY, 200), connections: CONNECTIONS, durationMs: MEASURE_MS });
    const ratio = create.result.rps / baseline;
    const ok = create.result.errors === 0;
    if (dialect === "sqlite") {
      rows.push({
        dialect,
        phase: "create call",
        connections: CONNECTIONS,
        ...create,
        ratio,
        budget: `>= ${pct(BUDGET.sqliteCreateRatio)} of ping, p99 < ${BUDGET.sqliteCreateP99Ms} ms`,
        verdict: ok && ratio >= BUDGET.sqliteCreateRatio && create.result.p99 < BUDGET.sqliteCreateP99Ms ? "PASS" : "MISS",
      });
    } else {
      rows.push({
        dialect,
        phase: "create call",
        connections: CONNECTIONS,
        ...create,
        ratio,
        budget: `>= ${pct(BUDGET.postgresCreateRatio)} of ping, p99 < ${BUDGET.postgresCreateP99Ms} ms`,
        verdict: ok && ratio >= BUDGET.postgresCreateRatio && create.result.p99 < BUDGET.postgresCreateP99Ms ? "PASS" : "MISS",
      });
    }
    const pending = await waitForIdleWorker(dialect, database.url, 0);
    notes.push(
      `${dialect}: ${pending.toLocaleString("en-US")} of the ${create.result.requests.toLocaleString("en-US")} calls created were still being simulated when the create phase ended (the worker shares the process).`,
    );
    await app.stop();
    app = null;

    // The same create with the worker off (a second instance on the same database): how much of the
    // create phase's cost is the create itself, and how much the simulation of the calls it created.
    log(`${dialect}: diagnostic: POST /api/v1/calls with WORKER_ENABLED=false, ${CONNECTIONS} connections`);
    app = await startApp(database.url, { ...APP_ENV, WORKER_ENABLED: "false" });
    await runLoad({ url: `${app.url}/api/ping`, connections: CONNECTIONS, durationMs: WARMUP_MS });
    await runLoad({
      url: `${app.url}/api/v1/calls`,
      ...createOptions(CREATE_BODY, 200),
      connections: CONNECTIONS,
      durationMs: WARMUP_MS,
    });
    const noWorker = await measure(app, {
      ...createOptions(CREATE_BODY, 200),
      connections: CONNECTIONS,
      durationMs: DIAGNOSTIC_MS,
    });
    rows.push({
      dialect,
      phase: "diag: create, worker off",
      connections: CONNECTIONS,
      ...noWorker,
      ratio: noWorker.result.rps / baseline,
      budget: "",
      verdict: "",
    });
  } finally {
    if (app) {
      await app.stop();
      const errors = app
        .output()
        .split("\n")
        .filter((l) => /error/i.test(l))
        .slice(0, 5);
      if (errors.length) notes.push(`${dialect}: the app logged errors, e.g.:\n    ${errors.join("\n    ")}`);
    }
    await database.drop().catch(() => {});
  }
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

function printTable() {
  const header = [
    "dialect",
    "phase",
    "conns",
    "requests",
    "req/s",
    "p50 ms",
    "p99 ms",
    "vs ping",
    "CPU srv/load",
    "budget",
    "result",
  ];
  const body = rows.map((r) => [
    r.dialect,
    r.phase,
    String(r.connections),
    `${r.result.requests}${r.result.errors ? ` (${r.result.errors} err)` : ""}`,
    r.result.rps.toFixed(0),
    ms(r.result.p50),
    ms(r.result.p99),
    r.ratio === null ? "" : pct(r.ratio),
    `${r.serverCores === null ? "?" : r.serverCores.toFixed(2)}/${r.clientCores.toFixed(2)}`,
    r.budget,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log("");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
  console.log("");
  for (const r of rows) {
    const odd = Object.entries(r.result.outcomes).filter(([k]) => k !== "200" && !(r.phase.includes("422") && k === "422"));
    if (odd.length)
      console.log(`note: ${r.dialect} ${r.phase}: unexpected outcomes ${odd.map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  }
  for (const n of notes) console.log(`note: ${n}`);
}

async function main() {
  const started = Date.now();
  console.log(`Callboard benchmark — ${new Date().toISOString()}`);
  console.log(
    `machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? "unknown CPU"}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; node ${process.version}`,
  );
  console.log(
    `phases: ${MEASURE_MS / 1000} s each (diagnostics ${DIAGNOSTIC_MS / 1000} s), ${CONNECTIONS} connections, agent/skill ${REFERENCE_ID}`,
  );
  let broken = false;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    if (dialect === "postgresql" && !(await postgresAvailable())) {
      console.log(
        `[bench] skipped Postgres: no server answered at ${BASE_POSTGRES_URL} (set TEST_POSTGRES_URL to point elsewhere)`,
      );
      continue;
    }
    try {
      await benchDialect(dialect);
    } catch (error) {
      broken = true;
      console.error(
        `[bench] ${dialect}: the benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  printTable();
  const misses = rows.filter((r) => r.verdict === "MISS").length;
  const summary = broken ? "the benchmark broke (see above)" : misses ? `${misses} budget(s) missed` : "all budgets met";
  console.log(`${summary} — a missed budget is reported, not failed. Took ${Math.round((Date.now() - started) / 1000)} s.`);
  process.exitCode = broken ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
