// Sign-in cannot be used to lock people out or to burn the CPU. An app behind a trusted proxy
// (TRUST_PROXY=true, so X-Forwarded-For names the client): failures slow the address that made them,
// not the account for everyone; a concurrent burst gets no more tries than a patient guesser; password
// hashing is queued and answers 503 when the queue is full; old password hashes are upgraded.
import { randomBytes, scryptSync } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RULES } from "@/server/auth/throttle";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../support/app";

let app: RunningApp;
let db: Awaited<ReturnType<typeof newDatabase>>;

beforeAll(async () => {
  db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  // A short hash queue (room for the throttle's free attempts) keeps the queue test quick.
  const queue = { PASSWORD_HASH_CONCURRENCY: "1", PASSWORD_HASH_QUEUE: String(RULES.pair.free) };
  app = await startApp(db.url, { TRUST_PROXY: "true", WORKER_ENABLED: "false", ...queue });
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

let addresses = 0;
/** A documentation address (198.18/15) no other test uses. */
const newAddress = () => `198.18.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

function signIn(email: string, password: string, from: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, "x-forwarded-for": from, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function statusesOf(requests: Promise<Response>[]) {
  const responses = await Promise.all(requests);
  const count = (status: number) => responses.filter((r) => r.status === status).length;
  return { responses, count };
}

describe("sign-in throttling behind a trusted proxy", () => {
  it("slows the address that keeps failing, and lets the right password in from another address", async () => {
    const attacker = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(TEST_ADMIN.email, "wrong-password", attacker)).status);
    expect(statuses.slice(0, RULES.pair.free)).toEqual(Array(RULES.pair.free).fill(401));
    expect(statuses.slice(RULES.pair.free)).toEqual(Array(10 - RULES.pair.free).fill(429));
    // The attacker's address is refused even with the right password: it has to wait...
    const refused = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // ...but the account is not locked for everyone.
    const owner = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, newAddress());
    expect(owner.status).toBe(200);
  });

  it("lets a burst of 200 concurrent guesses check no more passwords than the allowed number", async () => {
    const from = newAddress();
    const { responses, count } = await statusesOf(
      Array.from({ length: 200 }, () => signIn("burst-target@callboard.test", "wrong-password", from)),
    );
    expect(count(401)).toBeGreaterThan(0);
    expect(count(401)).toBeLessThanOrEqual(RULES.pair.free);
    expect(count(401) + count(429)).toBe(200);
    for (const r of responses.filter((r) => r.status === 429)) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 503 with Retry-After when more passwords wait to be checked than the hash queue holds", async () => {
    // Different accounts from different addresses, so the throttle lets every one through to hashing.
    const { responses, count } = await statusesOf(
      Array.from({ length: 20 }, (_, i) => signIn(`queue-${i}@callboard.test`, "wrong-password", newAddress())),
    );
    expect(count(503)).toBeGreaterThan(0);
    expect(count(401)).toBeGreaterThan(0);
    expect(count(401) + count(503)).toBe(20);
    const busy = responses.find((r) => r.status === 503) as Response;
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await busy.json()).error.code).toBe("service_unavailable");
  });

  it("marks the session cookie Secure when the proxy says the request came over https", async () => {
    const https = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, newAddress(), { "x-forwarded-proto": "https" });
    expect(https.status).toBe(200);
    expect(https.headers.get("set-cookie")).toMatch(/; Secure/i);
    const http = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, newAddress(), { "x-forwarded-proto": "http" });
    expect(http.status).toBe(200);
    expect(http.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });
});

/** Reads or replaces a staff member's stored password hash, straight in the database. */
async function storedHash(email: string, replacement?: string): Promise<string> {
  if (db.url.startsWith("file:")) {
    const sqlite = new Database(db.url.slice("file:".length));
    try {
      sqlite.pragma("busy_timeout = 5000");
      if (replacement) sqlite.prepare(`UPDATE "StaffUser" SET "passwordHash" = ? WHERE email = ?`).run(replacement, email);
      return (sqlite.prepare(`SELECT "passwordHash" AS h FROM "StaffUser" WHERE email = ?`).get(email) as { h: string }).h;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    if (replacement) await client.query(`UPDATE "StaffUser" SET "passwordHash" = $1 WHERE email = $2`, [replacement, email]);
    return (await client.query(`SELECT "passwordHash" AS h FROM "StaffUser" WHERE email = $1`, [email])).rows[0].h;
  } finally {
    await client.end();
  }
}

describe("password hashes", () => {
  it("stores new passwords with their scrypt parameters, and upgrades an old hash at the next sign-in", async () => {
    const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, newAddress());
    const jar = (admin.headers.get("set-cookie") ?? "").split(";")[0];
    const email = `legacy-${Date.now()}@callboard.test`;
    const password = "an-old-password-1";
    const created = await fetch(`${app.url}/api/v1/users`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url, cookie: jar },
      body: JSON.stringify({ email, name: "Legacy", role: "staff", password }),
    });
    expect(created.status).toBe(201);
    expect(await storedHash(email)).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);

    // As Callboard stored it before: no parameters, Node's defaults (N=16384, r=8, p=1).
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 64).toString("base64")}`;
    await storedHash(email, legacy);
    const from = newAddress();
    expect((await signIn(email, "not-it", from)).status).toBe(401);
    expect(await storedHash(email)).toBe(legacy);
    expect((await signIn(email, password, from)).status).toBe(200);
    const upgraded = await storedHash(email);
    expect(upgraded).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
    expect((await signIn(email, password, from)).status).toBe(200);
    expect(await storedHash(email)).toBe(upgraded);
  });
});
