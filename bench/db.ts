// Direct database access for the benchmarks, through the drivers rather than the app: seeding many
// interactions fast (plain SQL inserts), and asking whether the worker has finished its queue.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import type { Dialect } from "../tests/support/app";

// better-sqlite3 ships no type declarations (and @types/better-sqlite3 is not a dependency): the few
// calls used here are typed locally.
type SqliteStatement = { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown };
type SqliteDatabase = {
  prepare(sql: string): SqliteStatement;
  transaction(fn: () => void): () => void;
  close(): void;
};
type SqliteConstructor = new (file: string, options?: { readonly?: boolean; timeout?: number }) => SqliteDatabase;
const Database = createRequire(import.meta.url)("better-sqlite3") as SqliteConstructor;

/** The agent and skill the seed creates with a fixed id (the reference API's example ids). */
export const REFERENCE_ID = "123e4567-e89b-12d3-a456-426614174000";

// Terminal statuses only, so the worker and the sweeper leave the seeded rows alone. About half are
// "completed", like a real history.
const STATUS_CYCLE = [
  "completed",
  "no-answer",
  "completed",
  "busy",
  "completed",
  "voicemail",
  "completed",
  "failed",
  "completed",
  "canceled",
];
const CHANNEL_CYCLE = ["call", "call", "sms", "whatsapp", "email", "webchat", "call", "call", "call", "call"];
const SPACING_MS = 26_000; // 100,000 rows span about a month

const EFFECTIVE_AGENT = JSON.stringify({
  name: "Ava",
  phone: "+14155550100",
  email: "ava@callboard.example",
  imageURL: null,
  language: "en-US",
  voiceId: "ava-warm",
  voiceSpeed: 1,
  voiceStability: 0.5,
  initialMessage: "Hello {{firstName}}, this is {{aiName}} calling about your recent order.",
  prompt: "You are {{aiName}}, a friendly customer care agent. Help {{firstName}} with their order.",
  routingConditions: {},
});
const CUSTOM_FIELDS = JSON.stringify([{ name: "Order ID", value: "12345" }]);
const TRANSCRIPTION =
  "Agent: Hello Jane, this is Ava calling about your recent order.\nCustomer: Thanks, when will it arrive?\nAgent: Tomorrow before noon.";

export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit +00:00 offset. */
const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * Inserts one customer and `count` finished interactions of the reference agent and skill, newest now,
 * then one every 26 s into the past. Returns how many of them are "completed".
 */
export async function seedInteractions(dialect: Dialect, url: string, count: number): Promise<number> {
  const completed = Array.from({ length: count }, (_, i) => STATUS_CYCLE[i % STATUS_CYCLE.length]).filter(
    (s) => s === "completed",
  ).length;
  if (dialect === "sqlite") seedSqlite(url, count);
  else await seedPostgres(url, count);
  return completed;
}

function seedSqlite(url: string, count: number) {
  const db = new Database(sqliteFile(url), { timeout: 10_000 });
  try {
    const now = Date.now();
    const customerId = randomUUID();
    db.prepare(
      `INSERT INTO "Customer" ("id","name","firstName","lastName","phone","email","language","createdAt","updatedAt")
       VALUES (?, 'Jane Roe', 'Jane', 'Roe', '+15550000001', 'jane.roe@bench.test', 'en-US', ?, ?)`,
    ).run(customerId, sqliteTime(now - count * SPACING_MS), sqliteTime(now));
    const insert = db.prepare(
      `INSERT INTO "Interaction" ("id","channel","status","agentId","skillId","customerId","customerName","customerPhone",
         "customerEmail","agentPhone","agentEmail","effectiveAgent","customFields","initialMessage","prompt","transcription",
         "hasRecording","durationSeconds","provider","simulated","endReason","searchText","createdAt","updatedAt","startedAt",
         "endedAt","lastActivityAt")
       VALUES (?, ?, ?, ?, ?, ?, 'Jane Roe', '+15550000001', 'jane.roe@bench.test', '+14155550100', 'ava@callboard.example',
         ?, ?, 'Hello Jane, this is Ava calling about your recent order.', 'You are Ava, a friendly customer care agent.', ?,
         ?, ?, 'simulator', 1, ?, 'jane roe +15550000001 jane.roe@bench.test', ?, ?, ?, ?, ?)`,
    );
    const insertAll = db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
        const channel = status === "completed" ? CHANNEL_CYCLE[i % CHANNEL_CYCLE.length] : "call";
        const created = now - (i + 1) * SPACING_MS;
        const ended = created + 95_000;
        const done = status === "completed";
        insert.run(
          randomUUID(),
          channel,
          status,
          REFERENCE_ID,
          REFERENCE_ID,
          customerId,
          EFFECTIVE_AGENT,
          CUSTOM_FIELDS,
          done ? TRANSCRIPTION : null,
          done && channel === "call" ? 1 : 0,
          done ? 90 : null,
          done ? "hangup" : status,
          sqliteTime(created),
          sqliteTime(ended),
          done ? sqliteTime(created + 5_000) : null,
          sqliteTime(ended),
          sqliteTime(ended),
        );
      }
    });
    insertAll();
  } finally {
    db.close();
  }
}

async function seedPostgres(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const customerId = randomUUID();
    await client.query(
      `INSERT INTO "Customer" ("id","name","firstName","lastName","phone","email","language","createdAt","updatedAt")
       VALUES ($1, 'Jane Roe', 'Jane', 'Roe', '+15550000001', 'jane.roe@bench.test', 'en-US', now() - $2::double precision * interval '1 millisecond', now())`,
      [customerId, count * SPACING_MS],
    );
    // One statement: generate_series makes the rows server-side (gen_random_uuid is built into Postgres 13+).
    await client.query(
      `WITH g AS (
         SELECT i, ($4::text[])[1 + (i - 1) % $6] AS status, ($5::text[])[1 + (i - 1) % $6] AS ch,
                date_trunc('milliseconds', now()) - i * $7::double precision * interval '1 millisecond' AS created
         FROM generate_series(1, $1::int) AS i
       )
       INSERT INTO "Interaction" ("id","channel","status","agentId","skillId","customerId","customerName","customerPhone",
         "customerEmail","agentPhone","agentEmail","effectiveAgent","customFields","initialMessage","prompt","transcription",
         "hasRecording","durationSeconds","provider","simulated","endReason","searchText","createdAt","updatedAt","startedAt",
         "endedAt","lastActivityAt")
       SELECT gen_random_uuid()::text, CASE WHEN status = 'completed' THEN ch ELSE 'call' END, status, $2, $2, $3, 'Jane Roe',
         '+15550000001', 'jane.roe@bench.test', '+14155550100', 'ava@callboard.example', $8, $9,
         'Hello Jane, this is Ava calling about your recent order.', 'You are Ava, a friendly customer care agent.',
         CASE WHEN status = 'completed' THEN $10 END, status = 'completed' AND ch = 'call',
         CASE WHEN status = 'completed' THEN 90 END, 'simulator', true, CASE WHEN status = 'completed' THEN 'hangup' ELSE status END,
         'jane roe +15550000001 jane.roe@bench.test', created, created + interval '95 seconds',
         CASE WHEN status = 'completed' THEN created + interval '5 seconds' END, created + interval '95 seconds',
         created + interval '95 seconds'
       FROM g`,
      [
        count,
        REFERENCE_ID,
        customerId,
        STATUS_CYCLE,
        CHANNEL_CYCLE,
        STATUS_CYCLE.length,
        SPACING_MS,
        EFFECTIVE_AGENT,
        CUSTOM_FIELDS,
        TRANSCRIPTION,
      ],
    );
    // A table that grew to this size in production has been vacuumed by autovacuum (inserts trigger it
    // too since Postgres 13), so its visibility map allows index-only scans: reproduce that state.
    await client.query(`VACUUM ANALYZE "Interaction"`);
  } finally {
    await client.end();
  }
}

/** Jobs the worker still has to run (pending), due now or later. */
export async function pendingJobs(dialect: Dialect, url: string): Promise<number> {
  if (dialect === "sqlite") {
    const db = new Database(sqliteFile(url), { readonly: true, timeout: 10_000 });
    try {
      const row = db.prepare(`SELECT count(*) AS n FROM "Job" WHERE "state" = 'pending'`).get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Job" WHERE "state" = 'pending'`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** Waits (bounded) until the worker's queue is empty, so a measurement does not compete with it. */
export async function waitForIdleWorker(dialect: Dialect, url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = await pendingJobs(dialect, url);
  while (pending > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    pending = await pendingJobs(dialect, url);
  }
  return pending;
}
