// `npm run bench -- analytics`: GET /api/v1/analytics against 100,000 finished interactions (about a
// month of history, bench/db.ts), one connection, on SQLite and then on PostgreSQL when reachable.
// Two ranges: the default (the last 7 days, what the dashboard opens with: about 23,000 interactions)
// and 31 days (every one of the 100,000). Budget: median (p50) under 200 ms for both. A missed budget is
// reported, not failed: the exit code is 0 unless the benchmark itself broke.
import { type Dialect, newDatabase, prepareDatabase, type RunningApp, startApp, TEST_CREDENTIALS } from "../tests/support/app";
import { BASE_POSTGRES_URL, postgresAvailable } from "../tests/support/postgres";
import { seedInteractions } from "./db";
import { runLoad } from "./load";

const ROWS = 100_000;
const BUDGET_P50_MS = 200;
const MEASURE_MS = 10_000;
const MAX_REQUESTS = 200;
// The worker has nothing to do with finished interactions; off, it cannot compete with the measurement.
const APP_ENV = { API_RATE_LIMIT_PER_MINUTE: "0", WORKER_ENABLED: "false" };
const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PHASES = [
  { name: "last 7 days (default)", path: "/api/v1/analytics" },
  { name: "31 days (all 100,000)", path: `/api/v1/analytics?from=${day(-30)}&to=${day(0)}` },
];

type Row = { dialect: Dialect; phase: string; interactions: number; p50: number; p90: number; requests: number; errors: number };
const rows: Row[] = [];

const log = (message: string) => console.log(`[bench] ${message}`);

async function benchDialect(dialect: Dialect) {
  const database = await newDatabase(dialect);
  let app: RunningApp | null = null;
  try {
    log(`${dialect}: migrating and seeding ${ROWS.toLocaleString("en-US")} interactions`);
    prepareDatabase(database.url);
    await seedInteractions(dialect, database.url, ROWS);
    app = await startApp(database.url, APP_ENV);
    for (const phase of PHASES) {
      const res = await fetch(`${app.url}${phase.path}`, { headers: { authorization: AUTH } });
      const body = (await res.json()) as { totals?: { interactions: number } };
      if (res.status !== 200 || !body.totals)
        throw new Error(`${phase.path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      const url = `${app.url}${phase.path}`;
      await runLoad({ url, headers: { authorization: AUTH }, connections: 1, durationMs: 2_000, maxRequests: 20 });
      log(`${dialect}: ${phase.name}, 1 connection`);
      const result = await runLoad({
        url,
        headers: { authorization: AUTH },
        connections: 1,
        durationMs: MEASURE_MS,
        maxRequests: MAX_REQUESTS,
        expectStatus: 200,
      });
      rows.push({ dialect, phase: phase.name, interactions: body.totals.interactions, ...result });
    }
  } finally {
    await app?.stop();
    await database.drop();
  }
}

async function main() {
  await benchDialect("sqlite");
  if (await postgresAvailable()) await benchDialect("postgresql");
  else log(`PostgreSQL at ${BASE_POSTGRES_URL} is unreachable: its half is skipped.`);

  console.log("");
  console.log(`GET /api/v1/analytics, ${ROWS.toLocaleString("en-US")} interactions, budget p50 < ${BUDGET_P50_MS} ms`);
  console.log("dialect     range                    in range  requests  p50 ms  p90 ms  verdict");
  for (const r of rows) {
    const verdict = r.errors === 0 && r.p50 < BUDGET_P50_MS ? "PASS" : "MISS";
    console.log(
      `${r.dialect.padEnd(11)} ${r.phase.padEnd(24)} ${String(r.interactions).padStart(8)}  ${String(r.requests).padStart(8)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p90.toFixed(1).padStart(6)}  ${verdict}${r.errors ? ` (${r.errors} errors)` : ""}`,
    );
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
