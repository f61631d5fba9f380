// Driver adapters for both dialects, shared by the app's Prisma client and the Prisma CLI.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Dialect } from "./env";
import { faultSummary } from "./db-faults";
import { sqliteLike } from "./like";
import { logThrottled } from "./log";

/** `file:./data/callboard.db` → absolute path, creating its folder. */
export function sqliteFilePath(url: string): string {
  const file = path.resolve(url.replace(/^file:/, "").split("?")[0]);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

type SqliteConnection = { client?: { function(name: string, options: { deterministic: boolean }, fn: typeof sqliteLike): void } };

/** The SQLite adapter, with LIKE honouring backslash escapes on every connection it opens (see lib/like.ts). */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    (adapter as unknown as SqliteConnection).client?.function("like", { deterministic: true }, sqliteLike);
    return adapter;
  }
}

/**
 * What every Postgres pool of the app shares: a bounded connect time, so a database that does not answer
 * turns into a quick 503 instead of a hung request, and TCP keep-alive to notice dead peers.
 */
export function pgPoolConfig(url: string, connectTimeoutMs: number): pg.PoolConfig {
  return { connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true };
}

/** A dropped or refused connection, logged once a minute per pool in one line. */
export function logPoolError(pool: string, error: unknown) {
  logThrottled(`pool:${pool}`, `database connection lost (${pool}): ${faultSummary(error)}; it reconnects on the next query`);
}

/** `connectTimeoutMs` is env.DATABASE_CONNECT_TIMEOUT_MS for the app; the Prisma CLI leaves the default. */
export function adapterFactory(dialect: Dialect, url: string, connectTimeoutMs = 10_000) {
  if (dialect === "sqlite") {
    return new SqliteAdapterFactory({ url: sqliteFilePath(url), timeout: 5000 });
  }
  return new PrismaPg(
    { ...pgPoolConfig(url, connectTimeoutMs), max: 10 },
    {
      onPoolError: (error) => logPoolError("prisma pool", error),
      onConnectionError: (error) => logPoolError("prisma connection", error),
    },
  );
}

/*
 * Work-around for prisma/orm issue 27403: in @prisma/adapter-pg 6.19, `prisma migrate deploy` fails with
 * "Column type 'name' could not be deserialized", because the adapter has no mapping for Postgres'
 * `name` type (OID 19), which the schema engine reads from the catalog. The migration adapter reports
 * such columns as `text` (OID 25); both are strings on the wire. Only the Prisma CLI uses this pool.
 */
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabelNameColumns<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

function wrapQuery(target: { query: QueryFn }) {
  const original = target.query.bind(target);
  target.query = async (...args: unknown[]) => relabelNameColumns(await original(...args));
}

class MigrationPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    wrapQuery(this as unknown as { query: QueryFn });
    this.on("connect", (client) => wrapQuery(client as unknown as { query: QueryFn }));
  }
}

export function migrationAdapterFactory(dialect: Dialect, url: string) {
  if (dialect === "sqlite") return adapterFactory(dialect, url);
  return new PrismaPg(new MigrationPool({ connectionString: url, max: 2 }));
}
