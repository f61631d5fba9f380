// Plain SQL on the database driver, for the few hot paths where Prisma's per-query cost dominates
// (measured in docs/benchmarks.md: ~0.2–0.6 ms of CPU per Prisma query against ~5 µs on the driver).
// Everything else uses the Prisma client in lib/db.ts. This module holds the dialect differences of
// that SQL: placeholders, value encoding and transactions, so callers write one statement for both.
import Database from "better-sqlite3";
import pg from "pg";
import { logPoolError, pgPoolConfig, sqliteFilePath } from "./db-adapter";
import { dialect, env } from "./env";
import { sqliteLike } from "./like";
// db.ts imports isDriverUniqueViolation from here; db is only used at call time, so the cycle is harmless.
import { db, type Tx } from "./db";

export type SqlValue = string | number | boolean | null | Date | Uint8Array;

/**
 * Statements are constant text written in this codebase; every value, and so every piece of user text,
 * travels as a bound `?` parameter. Never splice a value into the SQL string.
 */
export interface SqlTx {
  /** First row of a query, or undefined. Placeholders are `?`. */
  one<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** Every row of a query (or of an UPDATE … RETURNING). */
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** A write; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

// Prisma stores DateTime on SQLite as ISO text with an explicit offset; on Postgres as UTC in a
// `timestamp(3)` column. Writing the same representations keeps Prisma's reads exact.
const encodeSqlite = (v: SqlValue) =>
  v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;
const encodePg = (v: SqlValue) => (v instanceof Date ? v.toISOString().replace("Z", "") : v);

type SqliteState = { db: Database.Database; statements: Map<string, Database.Statement>; queue: Promise<unknown> };
const globalForSql = globalThis as unknown as { callboardSqlite?: SqliteState; callboardPgPool?: pg.Pool };

function sqlite(): SqliteState {
  if (!globalForSql.callboardSqlite) {
    const db = new Database(sqliteFilePath(env.DATABASE_URL));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Never block the event loop waiting for a lock: BEGIN IMMEDIATE fails fast and is retried async.
    db.pragma("busy_timeout = 0");
    db.function("like", { deterministic: true }, sqliteLike);
    globalForSql.callboardSqlite = { db, statements: new Map(), queue: Promise.resolve() };
  }
  return globalForSql.callboardSqlite;
}

const TIMESTAMP_OID = 1114;
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

function pgPool(): pg.Pool {
  if (!globalForSql.callboardPgPool) {
    const pool = new pg.Pool({
      ...pgPoolConfig(env.DATABASE_URL, env.DATABASE_CONNECT_TIMEOUT_MS),
      max: 10,
      // Prisma keeps DateTime as UTC in `timestamp` columns; pg would read them in the process's zone.
      types: { getTypeParser: (oid, format) => (oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) },
    });
    // An idle client whose connection dies (a restart, 57P01) emits 'error' on the pool: unhandled, it would crash.
    pool.on("error", (error) => logPoolError("driver pool", error));
    globalForSql.callboardPgPool = pool;
  }
  return globalForSql.callboardPgPool;
}

/** The current pool, if one was opened (for shutdown). */
export async function closeSqlPool() {
  const pool = globalForSql.callboardPgPool;
  globalForSql.callboardPgPool = undefined;
  await pool?.end().catch(() => {});
}

const isBusy = (e: unknown) => typeof e === "object" && e !== null && /^SQLITE_BUSY/.test(String((e as { code?: unknown }).code));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sqliteTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const state = sqlite();
  const prepared = (sql: string) => {
    let st = state.statements.get(sql);
    if (!st) {
      st = state.db.prepare(sql);
      state.statements.set(sql, st);
    }
    return st;
  };
  const tx: SqlTx = {
    one: async <T>(sql: string, params: SqlValue[] = []) => prepared(sql).get(...params.map(encodeSqlite)) as T | undefined,
    all: async <T>(sql: string, params: SqlValue[] = []) => prepared(sql).all(...params.map(encodeSqlite)) as T[],
    run: async (sql, params = []) => prepared(sql).run(...params.map(encodeSqlite)).changes,
  };
  return withWriteLock(async () => {
    for (let waited = 0; ; waited += 2) {
      try {
        state.db.exec("BEGIN IMMEDIATE");
        break;
      } catch (e) {
        // Another connection (Prisma's) holds the write lock for a moment: wait without blocking.
        if (!isBusy(e) || waited > 10_000) throw e;
        await sleep(2);
      }
    }
    try {
      const result = await fn(tx);
      state.db.exec("COMMIT");
      return result;
    } catch (e) {
      if (state.db.inTransaction) state.db.exec("ROLLBACK");
      throw e;
    }
  });
}

/**
 * SQLite has one writer. In this process, writes through this module and the engine's Prisma
 * transactions take turns through one FIFO queue, so a burst of engine work cannot starve API
 * requests (each waits for at most the steps queued before it). On Postgres it runs fn directly.
 */
export function withWriteLock<T>(fn: () => Promise<T>): Promise<T> {
  if (dialect !== "sqlite") return fn();
  const state = sqlite();
  const run = state.queue.then(fn);
  state.queue = run.catch(() => {});
  return run;
}

/** `?` placeholders as Postgres' `$1, $2…`. */
function numbered(sql: string) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function pgTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  // A checked-out client whose connection dies between two statements (a restart, 57P01) emits 'error',
  // which the pool only listens for on idle clients: unheard, it would crash the process. The next
  // statement fails anyway, and the broken client is destroyed on release instead of pooled again.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
    logPoolError("driver client", error);
  };
  client.on("error", onError);
  const tx: SqlTx = {
    one: async <T>(sql: string, params: SqlValue[] = []) =>
      (await client.query({ text: numbered(sql), values: params.map(encodePg) })).rows[0] as T | undefined,
    all: async <T>(sql: string, params: SqlValue[] = []) =>
      (await client.query({ text: numbered(sql), values: params.map(encodePg) })).rows as T[],
    run: async (sql, params = []) => (await client.query({ text: numbered(sql), values: params.map(encodePg) })).rowCount ?? 0,
  };
  try {
    await client.query("BEGIN");
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    if (!broken) await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

/** NOTIFY on Postgres. pg_notify takes the channel and payload as values, so nothing is spliced into SQL. */
export async function pgNotify(channel: string, payload: string): Promise<void> {
  await pgPool().query("SELECT pg_notify($1, $2)", [channel, payload]);
}

export function sqlTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  return dialect === "sqlite" ? sqliteTransaction(fn) : pgTransaction(fn);
}

/**
 * The same statements inside a Prisma transaction: code written once against SqlTx (a status change,
 * an outbox event) runs in the engine's driver transactions and in the API's Prisma ones alike.
 */
export function asSqlTx(tx: Tx | SqlTx): SqlTx {
  // Prisma's clients are proxies that answer `in` for any name: tell them apart by a method they have.
  if (typeof (tx as Partial<Tx>).$executeRawUnsafe !== "function") return tx as SqlTx;
  const prisma = tx as Tx;
  // Prisma's *Unsafe* calls only because the SQL is a string rather than a template: values stay bound.
  const text = (sql: string) => (dialect === "sqlite" ? sql : numbered(sql));
  const values = (params: SqlValue[]) => params.map(dialect === "sqlite" ? encodeSqlite : encodePg);
  const all = <T>(sql: string, params: SqlValue[] = []) => prisma.$queryRawUnsafe<T[]>(text(sql), ...values(params));
  return {
    all,
    one: async <T>(sql: string, params: SqlValue[] = []) => (await all<T>(sql, params))[0],
    run: (sql, params = []) => prisma.$executeRawUnsafe(text(sql), ...values(params)),
  };
}

/** A DateTime column as read through SqlTx: ISO text from SQLite, a Date from Postgres. */
export function sqlDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** Unique-constraint violations as each driver reports them. */
export function isDriverUniqueViolation(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code) : "";
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Booleans come back as 0/1 from SQLite and true/false from Postgres. */
export const bool = (v: unknown) => v === true || v === 1;

/**
 * A Prisma write transaction that takes its turn in the SQLite write queue (withWriteLock). New code
 * writes through this instead of pairing the two by hand.
 */
export function writeTx<T>(fn: (tx: Tx) => Promise<T>, options?: Parameters<typeof db.$transaction>[1]): Promise<T> {
  return withWriteLock(() => db.$transaction(fn, options));
}

type SqliteReader = { db: Database.Database; statements: Map<string, Database.Statement> };
const globalForReader = globalThis as unknown as { callboardSqliteReader?: SqliteReader };

// Reports read through their own read-only connection: in WAL mode it never waits for the writer, and
// it never runs inside a write transaction that sqliteTransaction left open across an await.
function sqliteReader(): SqliteReader {
  if (!globalForReader.callboardSqliteReader) {
    // Not opened `readonly`: a read-only connection cannot create the WAL's -shm file when it is missing.
    // query_only refuses writes all the same.
    const db = new Database(sqliteFilePath(env.DATABASE_URL), { fileMustExist: true });
    db.pragma("query_only = ON");
    // WAL readers wait only while a checkpoint restarts the log: moments, so a short synchronous wait is fine.
    db.pragma("busy_timeout = 200");
    globalForReader.callboardSqliteReader = { db, statements: new Map() };
  }
  return globalForReader.callboardSqliteReader;
}

/**
 * Every row of a read-only query (aggregates for reports: a few hundred rows at most). Placeholders
 * are `?`. Numbers come back as JavaScript numbers from SQLite, and bigint/numeric as strings from
 * Postgres: callers pass them through Number().
 */
export async function sqlRows<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
  if (dialect === "sqlite") {
    const reader = sqliteReader();
    let st = reader.statements.get(sql);
    if (!st) {
      st = reader.db.prepare(sql);
      // Report SQL varies with the filters: keep a bounded cache rather than one entry per variant forever.
      if (reader.statements.size > 200) reader.statements.clear();
      reader.statements.set(sql, st);
    }
    return st.all(...params.map(encodeSqlite)) as T[];
  }
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  return (await pgPool().query({ text, values: params.map(encodePg) })).rows as T[];
}

/** The dialect differences of report SQL: date arithmetic and booleans. */
export const sqlDialect = {
  /**
   * Whole seconds since 1970 of a DateTime column (SQLite stores ISO text, Postgres a UTC timestamp).
   * date_part, not EXTRACT: EXTRACT answers numeric since Postgres 14, about 3× slower over 100,000 rows.
   */
  epochSeconds: (column: string) =>
    dialect === "sqlite" ? `unixepoch(${column})` : `floor(date_part('epoch', ${column}))::bigint`,
  /** b − a in seconds, with milliseconds, for two DateTime expressions. */
  secondsBetween: (a: string, b: string) =>
    dialect === "sqlite" ? `((julianday(${b}) - julianday(${a})) * 86400.0)` : `date_part('epoch', ${b} - ${a})`,
  /**
   * Makes SQLite use this index for a table (Postgres plans from its statistics). SQLite's planner
   * prefers an index that spares a GROUP BY its sort even when it then reads every wide row.
   */
  indexedBy: (index: string) => (dialect === "sqlite" ? `INDEXED BY "${index}"` : ""),
};
