// A PostgreSQL server that one test owns: its own data directory and port, so the test can stop it,
// start it again, or kill its connections without touching the machine's shared cluster. Uses the
// server binaries of the installed PostgreSQL (Debian: /usr/lib/postgresql/<version>/bin). initdb
// refuses to run as root, so as root the server runs as the `postgres` user.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./app";

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const version = existsSync(base) ? readdirSync(base).sort().at(-1) : undefined;
  const dir = version ? path.join(base, version, "bin") : "";
  if (!dir || !existsSync(path.join(dir, "initdb"))) {
    throw new Error(`PostgreSQL's server binaries were not found under ${base}/<version>/bin (apt-get install postgresql).`);
  }
  return dir;
}

export type OwnPostgres = {
  url: string;
  port: number;
  start(): Promise<void>;
  /** A fast shutdown: the server terminates every connection (57P01) and stops listening. */
  stop(): Promise<void>;
  /** Runs one statement as the superuser on the test database (for pg_terminate_backend and the like). */
  query(sql: string): Promise<pg.QueryResult>;
  destroy(): Promise<void>;
};

const asRoot = process.getuid?.() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "callboard-pg-"));
  const data = path.join(dir, "data");
  if (asRoot) {
    chownSync(dir, uidOf("postgres"), uidOf("postgres", "g"));
    chmodSync(dir, 0o700);
  }
  execFileSync(...command(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]), {
    stdio: "ignore",
  });
  const port = await freePort();
  const pgCtl = (args: string[]) =>
    promisify(execFile)(...command(path.join(bin, "pg_ctl"), ["-D", data, "-w", "-t", "60", ...args]));

  const ready = async () => {
    for (let i = 0; i < 200; i++) {
      const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`The test's PostgreSQL on port ${port} did not start.`);
  };

  const own: OwnPostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/test`,
    port,
    async start() {
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
      await pgCtl(["-o", options, "-l", path.join(dir, "server.log"), "start"]);
      await ready();
    },
    async stop() {
      // "fast": sessions are terminated (57P01), not waited for.
      await pgCtl(["-m", "fast", "stop"]).catch(() => {});
    },
    async query(sql) {
      const client = new pg.Client({ connectionString: own.url });
      client.on("error", () => {});
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await own.start();
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await admin.connect();
  await admin.query("CREATE DATABASE test");
  await admin.end();
  return own;
}

function uidOf(user: string, kind: "u" | "g" = "u"): number {
  return Number(execFileSync("id", [`-${kind}`, user], { encoding: "utf8" }).trim());
}
