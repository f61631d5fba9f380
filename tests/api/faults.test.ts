// Start-up and SQLite faults, injected for real (the Postgres outage, LISTEN and SIGTERM tests are in
// postgres-faults.test.ts):
//   - a database that is not there yet: the start waits, one line per attempt, then gives up naming it;
//   - a read-only SQLite file or folder: a clear refusal at start, the file untouched;
//   - a SQLite database another process holds locked: writes answer 503 database_unavailable with
//     Retry-After, reads still work, and the write succeeds once the lock is gone.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { appEnv, freePort, newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the start's preparation step (scripts/prepare.ts) as `npm start` does, and returns how it ended.
 * As root it runs as `nobody`: root may write to a read-only file, so the fault would not exist for it.
 */
function prepare(databaseUrl: string, extra: Record<string, string> = {}) {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const args = [path.join("scripts", "prepare.ts")];
  const [command, argv] = asRoot ? ["runuser", ["-u", "nobody", "--", tsx, ...args]] : [tsx, args];
  const run = spawnSync(command, argv, {
    cwd: ROOT,
    env: { ...appEnv(databaseUrl, 3000, extra), HOME: tmpdir() },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** A folder the preparation's user owns (as root: `nobody`'s). */
function ownedFolder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

describe("start-up faults", () => {
  it("waits for a PostgreSQL that is not there yet, then gives up with a message that names it", async () => {
    const port = await freePort(); // nothing listens there
    const { code, output } = prepare(`postgresql://postgres@127.0.0.1:${port}/callboard`, { DATABASE_WAIT_SECONDS: "2" });
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`waiting for PostgreSQL at 127\\.0\\.0\\.1:${port}/callboard \\(attempt 1: ECONNREFUSED`));
    expect(output).toMatch(/attempt 2/);
    expect(output).toMatch(new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${port}/callboard did not accept connections within 2 s`));
    expect(output).not.toMatch(/at .*\.ts:\d+/); // one clear line, no stack trace
  });

  it("refuses a read-only SQLite database or folder at start, and leaves the file as it was", async () => {
    const dir = ownedFolder("callboard-readonly-");
    const file = path.join(dir, "callboard.db");
    prepareDatabase(`file:${file}`);
    if (asRoot) chownSync(file, NOBODY, NOBODY);
    const before = readFileSync(file);

    chmodSync(file, 0o444);
    const readonlyFile = prepare(`file:${file}`);
    expect(readonlyFile.code).not.toBe(0);
    expect(readonlyFile.output).toContain(`the SQLite database ${file} is read-only`);
    chmodSync(file, 0o644);

    const lockedDir = ownedFolder("callboard-readonly-dir-");
    const inLocked = path.join(lockedDir, "callboard.db");
    copyFileSync(file, inLocked);
    if (asRoot) chownSync(inLocked, NOBODY, NOBODY);
    chmodSync(lockedDir, 0o555);
    const readonlyFolder = prepare(`file:${inLocked}`);
    chmodSync(lockedDir, 0o755);
    expect(readonlyFolder.code).not.toBe(0);
    expect(readonlyFolder.output).toContain(`the folder ${lockedDir} is read-only`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("a locked SQLite database", () => {
  it("answers writes 503 database_unavailable while another process holds the lock, and recovers", {
    timeout: 120_000,
  }, async () => {
    const database = await newDatabase("sqlite");
    prepareDatabase(database.url);
    const app = await startApp(database.url, { WORKER_ENABLED: "false" });
    const file = database.url.replace(/^file:/, "");
    const holder = new Database(file);
    try {
      const body = {
        agentId: AGENT_ID,
        skillId: SKILL_ID,
        channel: "sms",
        customerName: "Locked Out",
        customerPhone: "+14155550166",
      };
      holder.exec("BEGIN EXCLUSIVE");
      const refused = await api("POST", "/api/v1/calls", body, {}, app.url);
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe("database_unavailable");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      holder.exec("ROLLBACK");

      const list = await api("GET", "/api/v1/calls", undefined, {}, app.url);
      expect(list.status).toBe(200);
      expect(list.body.data ?? list.body).not.toContainEqual(expect.objectContaining({ customerName: "Locked Out" }));
      const created = await api("POST", "/api/v1/calls", body, {}, app.url);
      expect(created.status).toBe(200);
      expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/);
    } finally {
      holder.close();
      await app.stop();
    }
  });
});

describe("a full disk under SQLite", () => {
  // A real full disk: a 3 MB tmpfs holding the database. Mounting one takes root; as another user this
  // test fails with the reason rather than pretending to have checked anything.
  it("answers writes 503 database_unavailable, keeps reads working, and leaves the database intact", {
    timeout: 180_000,
  }, async () => {
    expect(asRoot, "mounting a small tmpfs to fill needs root; run the suite as root (CI does)").toBe(true);
    const mountPoint = mkdtempSync(path.join(tmpdir(), "callboard-full-"));
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint], { encoding: "utf8" });
    expect(mounted.status, `mount failed: ${mounted.stderr}`).toBe(0);
    const file = path.join(mountPoint, "callboard.db");
    let app: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      prepareDatabase(`file:${file}`);
      app = await startApp(`file:${file}`, {
        WORKER_ENABLED: "false",
        RECORDINGS_DIR: path.join(tmpdir(), "callboard-full-rec"),
      });
      // Long prompts fill the 3 MB quickly; each create either succeeds or meets the full disk.
      const prompt = "x".repeat(19_000);
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof api>> | undefined;
      for (let i = 0; i < 200 && !refused; i++) {
        const res = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel: "sms",
            customerName: `Full ${i}`,
            customerPhone: "+14155550177",
            agentOverride: { prompt: { prompt } },
          },
          {},
          app.url,
        );
        statuses.push(res.status);
        if (res.status !== 200) refused = res;
      }
      expect(refused, `the disk never filled: ${statuses.length} creates answered 200`).toBeDefined();
      expect(refused!.status, JSON.stringify(refused!.body)).toBe(503);
      expect(refused!.body.error.code).toBe("database_unavailable");
      expect((await api("GET", "/api/v1/calls?limit=1", undefined, {}, app.url)).status).toBe(200);
      expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/);
      await app.stop();
      app = undefined;
      const check = new Database(file, { readonly: true });
      try {
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        check.close();
      }
    } finally {
      await app?.stop();
      spawnSync("umount", [mountPoint]);
    }
  });
});
