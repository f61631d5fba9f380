// `npm run bench`, live events: DESIGN.md section 6's "an event reaches a connected SSE client within
// 250 ms at p95" and "500 idle SSE viewers on one instance stay under 400 MB of RSS", on PostgreSQL.
// Two instances on one fresh database, both with the worker off (so calls stay put and nothing else
// runs) and EVENTS_POLL_MS at a minute (so only the bus or LISTEN/NOTIFY can deliver in time).
// A change is a PUT /calls/{id} of a new note through instance A. Its delay is the arrival of the
// `call` event carrying it on an SSE stream, minus the call's updatedAt (stamped by A just before its
// commit, on the same machine's clock). Phases:
//   1. baseline: the stream on A itself (in-process bus)
//   2. across instances: the stream on B (NOTIFY), plus B's all-calls feed
//   3. 500 idle per-call viewers on B: B's RSS before and after, then phase 2 again beside them
// A missed budget is reported, not failed: the exit code is 0 unless the benchmark itself broke.
import os from "node:os";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_CREDENTIALS } from "../tests/support/app";
import { BASE_POSTGRES_URL, postgresAvailable } from "../tests/support/postgres";
import { openSseStream, type SseStream } from "../tests/support/sse";
import { REFERENCE_ID } from "./db";
import { percentile } from "./load";
import { treeRssBytes } from "./proc";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const IDLE_VIEWERS = Number(process.env.BENCH_IDLE_VIEWERS ?? 500);
const GAP_MS = 20;
const EVENT_TIMEOUT_MS = 5_000;
const BUDGET = { p95Ms: 250, idleRssMb: 400 };
// One credential holds all the idle viewers: no per-principal stream cap.
const APP_ENV = {
  API_RATE_LIMIT_PER_MINUTE: "0",
  SSE_MAX_STREAMS_PER_PRINCIPAL: "0",
  WORKER_ENABLED: "false",
  EVENTS_POLL_MS: "60000",
};
const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;

const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function request(method: string, url: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization: AUTH, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const createCall = async (app: RunningApp, i: number) =>
  (
    await request("POST", `${app.url}/api/v1/calls`, {
      agentId: REFERENCE_ID,
      skillId: REFERENCE_ID,
      channel: "sms",
      customerName: `Live Bench ${i}`,
      customerPhone: `+1415556${String(i).padStart(4, "0")}`,
    })
  ).id as string;

/** Arrival times of `call` events on a stream, keyed by what identifies the change. */
function track(stream: SseStream, key: (data: Record<string, unknown>) => string | null) {
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  void (async () => {
    for (let r = await stream.events.next(); !r.done; r = await stream.events.next()) {
      const now = Date.now();
      if (r.value.event !== "call") continue;
      const k = key(r.value.data);
      if (k === null || arrivals.has(k)) continue;
      arrivals.set(k, now);
      waiters.get(k)?.();
    }
  })().catch(() => {});
  return {
    arrivals,
    wait: (k: string) =>
      arrivals.has(k)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`no event for ${k} within ${EVENT_TIMEOUT_MS} ms`)),
              EVENT_TIMEOUT_MS,
            );
            waiters.set(k, () => {
              clearTimeout(timer);
              resolve();
            });
          }),
  };
}

type Delays = { label: string; values: number[]; missed: number };
const results: Delays[] = [];
const notes: string[] = [];

/** PUTs EVENTS notes through `writer` and measures when each reaches the streams held on `holder`. */
async function measureDelays(label: string, writer: RunningApp, holder: RunningApp, id: string, withFeed: boolean) {
  const callStream = await openSseStream(`${holder.url}/api/v1/calls/${id}/events`);
  const call = track(callStream, (d) => (d.note ? String(d.note) : null));
  const feedStream = withFeed ? await openSseStream(`${holder.url}/api/v1/events`) : null;
  const feed = feedStream ? track(feedStream, (d) => (d.id === id ? String(d.updatedAt) : null)) : null;
  const perCall: Delays = { label, values: [], missed: 0 };
  const perFeed: Delays = { label: `${label}, all-calls feed`, values: [], missed: 0 };
  let misses = 0;
  await sleep(500); // both streams subscribed (and B's listener connected) before the first change
  for (let i = 0; i < EVENTS + 5; i++) {
    const note = `${label} #${i} ${Date.now()}`;
    const updated = await request("PUT", `${writer.url}/api/v1/calls/${id}`, { note });
    const at = Date.parse(String(updated.updatedAt));
    const waits = [call.wait(note).then(() => (call.arrivals.get(note) ?? 0) - at)];
    if (feed)
      waits.push(feed.wait(String(updated.updatedAt)).then(() => (feed.arrivals.get(String(updated.updatedAt)) ?? 0) - at));
    const [c, f] = await Promise.allSettled(waits);
    if (c.status === "rejected" || f?.status === "rejected") {
      misses++;
      log(`${label}: change #${i} missed (${[c, f].map((r) => r?.status).join(", ")})`);
      if (misses >= 3) throw new Error(`${label}: three changes never reached the stream`);
    }
    if (i < 5) continue; // warm-up: route bundles, compiled queries, connections
    if (c.status === "fulfilled") perCall.values.push(c.value);
    else perCall.missed++;
    if (f?.status === "fulfilled") perFeed.values.push(f.value);
    else if (f) perFeed.missed++;
    await sleep(GAP_MS);
  }
  results.push(perCall);
  if (feed) results.push(perFeed);
  // Each phase's streams end with it, so a later phase measures only what it sets up.
  callStream.close();
  feedStream?.close();
}

async function main() {
  console.log(`Callboard live-events benchmark — ${new Date().toISOString()}`);
  console.log(
    `machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? "unknown CPU"}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; node ${process.version}`,
  );
  if (!(await postgresAvailable())) {
    console.log(`[bench] skipped: no Postgres answered at ${BASE_POSTGRES_URL} (live events across instances need it)`);
    return;
  }
  const database = await newDatabase("postgresql");
  const apps: RunningApp[] = [];
  const idle: SseStream[] = [];
  let rss: { fresh: number | null; idle: number | null } = { fresh: null, idle: null };
  try {
    log("postgresql: migrating and seeding a fresh database");
    prepareDatabase(database.url);
    const [a, b] = await Promise.all([startApp(database.url, APP_ENV), startApp(database.url, APP_ENV)]);
    apps.push(a, b);
    log(`instance A on ${a.url} (pid ${a.process.pid}), instance B on ${b.url} (pid ${b.process.pid})`);
    const [one, two, three] = [await createCall(a, 0), await createCall(a, 1), await createCall(a, 2)];

    log(`phase 1: ${EVENTS} changes through A, stream on A`);
    await measureDelays("one instance (bus)", a, a, one, true);
    log(`phase 2: ${EVENTS} changes through A, streams on B`);
    await measureDelays("A → B (NOTIFY)", a, b, two, true);

    log(`phase 3: ${IDLE_VIEWERS} idle viewers on B`);
    const ids: string[] = [];
    for (let i = 0; i < IDLE_VIEWERS; i++) ids.push(await createCall(a, 100 + i));
    log(`created ${ids.length} calls`);
    await sleep(1000);
    rss = { ...rss, fresh: treeRssBytes(b.process.pid ?? -1) };
    for (const id of ids) {
      const s = await openSseStream(`${b.url}/api/v1/calls/${id}/events`);
      if (s.res.status !== 200) throw new Error(`an idle viewer got ${s.res.status}`);
      // Read the first event (the call), then leave the stream idle.
      await s.events.next();
      idle.push(s);
      if (idle.length % 100 === 0) log(`${idle.length} idle viewers connected`);
    }
    await sleep(2000);
    rss = { ...rss, idle: treeRssBytes(b.process.pid ?? -1) };
    await measureDelays(`A → B beside ${IDLE_VIEWERS} idle viewers`, a, b, three, false);
  } finally {
    for (const s of idle) s.close();
    for (const app of apps) {
      await app.stop();
      const errors = app
        .output()
        .split("\n")
        .filter((l) => /error/i.test(l))
        .slice(0, 5);
      if (errors.length) notes.push(`the app on ${app.url} logged errors, e.g.:\n    ${errors.join("\n    ")}`);
    }
    await database.drop().catch(() => {});
  }

  console.log("");
  console.log("phase                                          events  missed  p50 ms  p95 ms  max ms  budget        result");
  console.log("---------------------------------------------  ------  ------  ------  ------  ------  ------------  ------");
  for (const r of results) {
    const sorted = [...r.values].sort((x, y) => x - y);
    const p95 = percentile(sorted, 95);
    const ok = r.missed === 0 && p95 < BUDGET.p95Ms;
    console.log(
      `${r.label.padEnd(45)}  ${String(r.values.length).padStart(6)}  ${String(r.missed).padStart(6)}  ${percentile(sorted, 50)
        .toFixed(0)
        .padStart(
          6,
        )}  ${p95.toFixed(0).padStart(6)}  ${(sorted.at(-1) ?? Number.NaN).toFixed(0).padStart(6)}  ${`p95 < ${BUDGET.p95Ms} ms`.padEnd(12)}  ${ok ? "PASS" : "MISS"}`,
    );
  }
  const mb = (v: number | null) => (v === null ? "?" : `${(v / 2 ** 20).toFixed(0)} MB`);
  const idleOk = rss.idle !== null && rss.idle < BUDGET.idleRssMb * 2 ** 20;
  console.log("");
  console.log(
    `RSS of instance B: ${mb(rss.fresh)} before, ${mb(rss.idle)} with ${IDLE_VIEWERS} idle SSE viewers (budget < ${BUDGET.idleRssMb} MB): ${idleOk ? "PASS" : "MISS"}`,
  );
  for (const n of notes) console.log(`note: ${n}`);
  console.log("Delays are event arrival minus the call's updatedAt (ms resolution). A missed budget is reported, not failed.");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
