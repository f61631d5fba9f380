// `npm run bench`, engine under load: the budgets of the speed issue that concern the engine, measured in
// one run per dialect against the built app with its worker on (SIMULATOR_STEP_MS=1000, the scripted brain).
//   1. baseline: a staff member's call from the dashboard, on an idle app: seconds to its first agent message
//   2. backlog: one API credential creates BACKLOG calls at full speed (16 connections) and keeps them queued;
//      meanwhile, and for HOLD_MS after, every PROBE_EVERY_MS
//        - a staff member creates a call through their dashboard session: seconds to its first agent message
//          (the interactive lane, server/engine/lanes.ts), p95 < 5 s;
//        - a note is PUT on a call a viewer watches over SSE: the event's delay (arrival minus the call's
//          updatedAt), p95 < 250 ms;
//      and the RSS of the app's whole process tree is sampled (peak < 600 MB), and the engine's throughput
//      is read from the Job table (steps committed per second while the backlog is being worked, >= 300).
// Then, on Postgres, the scale-out shape: two web-only instances and one worker instance on one database.
// A missed budget is reported, not failed: the exit code is 0 unless the benchmark itself broke.
import Database from "better-sqlite3";
import pg from "pg";
import {
  type Dialect,
  newDatabase,
  prepareDatabase,
  type RunningApp,
  startApp,
  TEST_ADMIN,
  TEST_CREDENTIALS,
} from "../tests/support/app";
import { postgresAvailable } from "../tests/support/postgres";
import { openSseStream } from "../tests/support/sse";
import { REFERENCE_ID, sqliteFile } from "./db";
import { attempt, finish, type Measure, perDialect, printHeader, printMeasures } from "./report";
import { percentile, runLoad } from "./load";
import { treeRssBytes } from "./proc";

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 5000);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 20_000);
const PROBE_EVERY_MS = 1000;
const SPLIT_MS = 10_000;
const FIRST_MESSAGE_TIMEOUT_MS = 60_000;
const BUDGET = { firstMessageP95S: 5, eventP95Ms: 250, rssMb: 600, stepsPerSecond: 300 };
const APP_ENV = {
  API_RATE_LIMIT_PER_MINUTE: "0",
  SSE_MAX_STREAMS_PER_PRINCIPAL: "0",
  WORKER_ENABLED: "true",
  SIMULATOR_STEP_MS: "1000",
};
const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;

const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rows: Measure[] = [];
const notes: string[] = [];

const callBody = (name: string, phone: string) =>
  JSON.stringify({ agentId: REFERENCE_ID, skillId: REFERENCE_ID, channel: "call", customerName: name, customerPhone: phone });

async function signIn(app: RunningApp): Promise<Record<string, string>> {
  const res = await fetch(`${app.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0], origin: app.url };
}

async function request(app: RunningApp, method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { "content-type": "application/json" }) },
    body,
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** Seconds from a dashboard create to the call's first agent message, polled every 100 ms. */
async function firstMessageSeconds(app: RunningApp, session: Record<string, string>, n: number): Promise<number> {
  const t0 = performance.now();
  const call = await request(
    app,
    "POST",
    "/api/v1/calls",
    session,
    callBody(`Dashboard probe ${n}`, `+1415557${String(n).padStart(4, "0")}`),
  );
  for (;;) {
    const read = await request(app, "GET", `/api/v1/calls/${call.id}`, { authorization: AUTH });
    const messages = read.messages as { sender: string }[];
    if (messages.some((m) => m.sender === "agent")) return (performance.now() - t0) / 1000;
    if (performance.now() - t0 > FIRST_MESSAGE_TIMEOUT_MS) return Number.POSITIVE_INFINITY;
    await sleep(100);
  }
}

/** Steps the engine has committed so far: each job's step counts the steps it ran. */
async function stepsDone(dialect: Dialect, url: string): Promise<number> {
  const sql = `SELECT COALESCE(SUM(step), 0) AS n FROM "Job"`;
  if (dialect === "sqlite") {
    const db = new Database(sqliteFile(url), { readonly: true, timeout: 10_000 });
    try {
      return Number((db.prepare(sql).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Watches one call over SSE and measures how long each note PUT takes to arrive as an event. */
async function eventProbe(app: RunningApp, id: string) {
  const stream = await openSseStream(`${app.url}/api/v1/calls/${id}/events`);
  const arrivals = new Map<string, number>();
  void (async () => {
    for (let r = await stream.events.next(); !r.done; r = await stream.events.next()) {
      if (r.value.event === "call" && r.value.data.note) arrivals.set(String(r.value.data.note), Date.now());
    }
  })().catch(() => {});
  const delays: number[] = [];
  let missed = 0;
  let n = 0;
  return {
    delays,
    missed: () => missed,
    async once() {
      const note = `probe ${n++} ${Date.now()}`;
      const updated = await request(app, "PUT", `/api/v1/calls/${id}`, { authorization: AUTH }, JSON.stringify({ note }));
      const at = Date.parse(String(updated.updatedAt));
      for (let waited = 0; waited < 5000 && !arrivals.has(note); waited += 5) await sleep(5);
      const arrived = arrivals.get(note);
      if (arrived === undefined) missed++;
      else delays.push(arrived - at);
    },
    close: () => stream.close(),
  };
}

async function benchDialect(dialect: Dialect) {
  const database = await newDatabase(dialect);
  let app: RunningApp | null = null;
  try {
    prepareDatabase(database.url);
    app = await startApp(database.url, APP_ENV);
    const session = await signIn(app);
    log(`${dialect}: app on ${app.url}; baseline (idle app)`);
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await firstMessageSeconds(app, session, i));
    const watched = await request(app, "POST", "/api/v1/calls", { authorization: AUTH }, callBody("Watched", "+14155579999"));
    const events = await eventProbe(app, String(watched.id));
    await sleep(300);
    for (let i = 0; i < 5; i++) await events.once(); // warm-up
    events.delays.length = 0;

    log(`${dialect}: one credential creates ${BACKLOG} calls at full speed; probes every ${PROBE_EVERY_MS} ms`);
    const probes: Promise<number>[] = [];
    let peakRss = 0;
    let running = true;
    const sampler = (async () => {
      let n = 100;
      while (running) {
        peakRss = Math.max(peakRss, treeRssBytes(app?.process.pid ?? -1) ?? 0);
        probes.push(firstMessageSeconds(app as RunningApp, session, n++));
        await events.once();
        await sleep(PROBE_EVERY_MS);
      }
    })();
    const backlog = await runLoad({
      url: `${app.url}/api/v1/calls`,
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: callBody("Backlog", "+14155550100"),
      expectStatus: 200,
      connections: 16,
      durationMs: 300_000,
      maxRequests: BACKLOG,
    });
    const steps0 = await stepsDone(dialect, database.url);
    const t0 = performance.now();
    await sleep(HOLD_MS);
    const steps1 = await stepsDone(dialect, database.url);
    const stepsPerSecond = (steps1 - steps0) / ((performance.now() - t0) / 1000);
    running = false;
    await sampler;
    const loaded = await Promise.all(probes);
    events.close();

    const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
    const idleP95 = percentile(sorted(idle), 95);
    const p95 = percentile(sorted(loaded), 95);
    const eventP95 = percentile(sorted(events.delays), 95);
    rows.push(
      { dialect, measure: "first agent message, idle app, p95", value: `${idleP95.toFixed(2)} s`, budget: "", verdict: "" },
      {
        dialect,
        measure: `backlog: ${backlog.requests} created at ${backlog.rps.toFixed(0)}/s, p99 ${backlog.p99.toFixed(0)} ms`,
        value: backlog.errors ? `${backlog.errors} errors` : "",
        budget: "",
        verdict: "",
      },
      {
        dialect,
        measure: `first agent message of a dashboard call, backlog queued (${loaded.length} probes), p95`,
        value: `${p95.toFixed(2)} s`,
        budget: `< ${BUDGET.firstMessageP95S} s`,
        verdict: p95 < BUDGET.firstMessageP95S ? "PASS" : "MISS",
      },
      {
        dialect,
        measure: "engine throughput while the backlog is worked",
        value: `${stepsPerSecond.toFixed(0)} steps/s`,
        budget: `>= ${BUDGET.stepsPerSecond} steps/s`,
        verdict: stepsPerSecond >= BUDGET.stepsPerSecond ? "PASS" : "MISS",
      },
      {
        dialect,
        measure: `RSS of the app's processes, peak, ${BACKLOG} active`,
        value: `${(peakRss / 2 ** 20).toFixed(0)} MB`,
        budget: `< ${BUDGET.rssMb} MB`,
        verdict: peakRss / 2 ** 20 < BUDGET.rssMb ? "PASS" : "MISS",
      },
      {
        dialect,
        measure: `live event to a viewer, p95 (${events.delays.length} events, ${events.missed()} missed)`,
        value: `${eventP95.toFixed(0)} ms`,
        budget: `< ${BUDGET.eventP95Ms} ms`,
        verdict: eventP95 < BUDGET.eventP95Ms && events.missed() === 0 ? "PASS" : "MISS",
      },
    );
  } finally {
    if (app) await app.stop();
    await database.drop().catch(() => {});
  }
}

/**
 * The shape a team would run on Postgres: two web-only instances behind a (simulated) balancer and one
 * worker instance, on one database. Creates are split over both web instances for SPLIT_MS; then the
 * worker's throughput on what they created is read from the Job table.
 */
async function benchScaleOut() {
  const database = await newDatabase("postgresql");
  const apps: RunningApp[] = [];
  try {
    prepareDatabase(database.url);
    const web = await Promise.all([0, 1].map(() => startApp(database.url, { ...APP_ENV, WORKER_ENABLED: "false" })));
    apps.push(...web);
    const worker = await startApp(database.url, APP_ENV);
    apps.push(worker);
    log(`postgresql, 2 web + 1 worker: creates on ${web.map((a) => a.url).join(" and ")} for ${SPLIT_MS / 1000} s`);
    const load = (app: RunningApp, durationMs: number) =>
      runLoad({
        url: `${app.url}/api/v1/calls`,
        method: "POST",
        headers: { authorization: AUTH, "content-type": "application/json" },
        body: callBody("Scale-out", "+14155550200"),
        expectStatus: 200,
        connections: 8,
        durationMs,
      });
    await Promise.all(web.map((app) => load(app, 2000))); // warm-up
    const results = await Promise.all(web.map((app) => load(app, SPLIT_MS)));
    const steps0 = await stepsDone("postgresql", database.url);
    const t0 = performance.now();
    await sleep(HOLD_MS);
    const stepsPerSecond = ((await stepsDone("postgresql", database.url)) - steps0) / ((performance.now() - t0) / 1000);
    const rps = results.reduce((sum, r) => sum + r.rps, 0);
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    rows.push(
      {
        dialect: "postgresql",
        measure: "2 web + 1 worker: create call, 16 connections split over the web instances",
        value: `${rps.toFixed(0)} req/s, p99 ${Math.max(...results.map((r) => r.p99)).toFixed(0)} ms${errors ? `, ${errors} errors` : ""}`,
        budget: "",
        verdict: "",
      },
      {
        dialect: "postgresql",
        measure: "2 web + 1 worker: engine throughput on the worker instance",
        value: `${stepsPerSecond.toFixed(0)} steps/s`,
        budget: "",
        verdict: "",
      },
    );
  } finally {
    for (const app of apps) await app.stop();
    await database.drop().catch(() => {});
  }
}

async function main() {
  const started = Date.now();
  printHeader("engine-load benchmark", `; backlog ${BACKLOG}, held ${HOLD_MS / 1000} s`);
  let ok = await perDialect(benchDialect);
  if (await postgresAvailable()) ok = (await attempt("scale-out", benchScaleOut)) && ok;
  printMeasures(rows, notes);
  finish(rows, ok, started);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
