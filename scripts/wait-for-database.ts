// Start-up against a database that may not be there yet (a compose stack where the app starts first),
// or cannot be written (SQLite on a read-only file or folder). Postgres: connect with backoff, one line
// per attempt, until DATABASE_WAIT_SECONDS; then give up with a message that names the host. SQLite:
// refuse a file or folder it cannot write, before migrations fail on it with something obscure.
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { sqliteFilePath } from "@/lib/db-adapter";
import { faultSummary } from "@/lib/db-faults";
import { dialect, env } from "@/lib/env";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the configured host";
  }
}

async function waitForPostgres() {
  const target = where(env.DATABASE_URL);
  const deadline = Date.now() + env.DATABASE_WAIT_SECONDS * 1000;
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      if (attempt > 1) console.log(`[callboard] PostgreSQL at ${target} is up`);
      return;
    } catch (error) {
      const reason = faultSummary(error);
      if (Date.now() + delay > deadline) {
        throw new Error(
          `PostgreSQL at ${target} did not accept connections within ${env.DATABASE_WAIT_SECONDS} s (${reason}). Check that it runs and that DATABASE_URL points at it.`,
        );
      }
      console.log(`[callboard] waiting for PostgreSQL at ${target} (attempt ${attempt}: ${reason}); next try in ${delay} ms`);
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(delay);
    delay = Math.min(5_000, delay * 2);
  }
}

function checkSqliteWritable() {
  const file = sqliteFilePath(env.DATABASE_URL);
  const folder = path.dirname(file);
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(file) && !writable(file)) {
    throw new Error(`the SQLite database ${file} is read-only. Callboard writes to it: make it writable for this user.`);
  }
  // SQLite also writes its journal (-wal, -shm) beside the file.
  if (!writable(folder)) {
    throw new Error(
      `the folder ${folder} is read-only. Callboard keeps its SQLite database and journal there: make it writable.`,
    );
  }
}

export async function waitForDatabase() {
  if (dialect === "postgresql") await waitForPostgres();
  else checkSqliteWritable();
}
