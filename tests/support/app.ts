// Starts the real built app (`next start`) on a free port against a real database, the way an
// operator runs it: prepare (migrate + seed + bootstrap) first, then serve. Used by the API tests,
// the Playwright setup and the benchmarks.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "./postgres";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TEST_CREDENTIALS = { username: "test-integrator", password: "test-password-0123456789" };
export const TEST_ADMIN = { email: "admin@callboard.test", password: "admin-password-123" };

export type Dialect = "sqlite" | "postgresql";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A new empty database of the given dialect. */
export async function newDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === "postgresql") return createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "callboard-test-"));
  return { url: `file:${path.join(dir, "callboard.db")}`, drop: async () => {} };
}

export function appEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // As `npm start` runs it: Callboard's graceful shutdown handles SIGTERM (server/system/shutdown.ts).
    NEXT_MANUAL_SIG_HANDLE: "true",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    API_USERNAME: TEST_CREDENTIALS.username,
    API_PASSWORD: TEST_CREDENTIALS.password,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    SIMULATOR_STEP_MS: "60",
    WORKER_POLL_MS: "50",
    // Webhook tests run their receivers on loopback and want retries within the test's patience.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_BASE_MS: "100",
    // Recordings default to a folder beside a SQLite file (a temporary one here); keep Postgres runs'
    // out of the working copy's data/ folder too.
    ...(!databaseUrl.startsWith("file:") && { RECORDINGS_DIR: path.join(tmpdir(), "callboard-test-recordings") }),
    ...extra,
  };
}

/** Runs the start's preparation (migrate, seed, bootstrap) and answers what it logged. */
export function prepareDatabase(databaseUrl: string): string {
  return execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join("scripts", "prepare.ts")], {
    cwd: ROOT,
    env: appEnv(databaseUrl, 3000),
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
}

export type RunningApp = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
};

async function waitForHealth(url: string, child: ChildProcess, output: () => string, untilHealthy: boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200 || !untilHealthy) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`app did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Serves the already-built app (`next build` ran before the tests) on a free port. */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  port?: number,
  { untilHealthy = true } = {},
): Promise<RunningApp> {
  const p = port ?? (await freePort());
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(p), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: appEnv(databaseUrl, p, extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${p}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  await waitForHealth(url, child, () => log, untilHealthy);
  return { url, port: p, process: child, output: () => log, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}
