// The engine's queue lanes (server/engine/lanes.ts), on a real database: the app serves the API with its
// worker off, and the test claims jobs itself to see the order the worker would run them in. A staff
// member's call goes before an integration's backlog; two credentials share the API lane round robin;
// post-call analysis waits behind both, until it has waited long enough to be promoted.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RunningApp } from "../support/app";
import { newDatabase, prepareDatabase, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, basicAuth, SKILL_ID, signIn } from "../support/api";
import { disconnectInProcessDatabase, importWithDatabase } from "../support/in-process";

const WORKER = "lanes-test-worker";
const body = (name: string, phone: string) => ({
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "call",
  customerName: name,
  customerPhone: phone,
});

describe("queue lanes", () => {
  let app: RunningApp;
  let drop: () => Promise<void>;
  let engine: Awaited<ReturnType<typeof load>>;
  const load = () =>
    importWithDatabase(process.env.DATABASE_URL as string, async () => ({
      ...(await import("@/server/engine/queries")),
      db: (await import("@/lib/db")).db,
    }));

  beforeAll(async () => {
    const database = await newDatabase(inject("dialect"));
    drop = database.drop;
    prepareDatabase(database.url);
    app = await startApp(database.url, { WORKER_ENABLED: "false" });
    process.env.DATABASE_URL = database.url;
    engine = await load();
  });

  afterAll(async () => {
    await disconnectInProcessDatabase();
    await app?.stop();
    await drop?.();
  });

  const create = async (name: string, phone: string, headers: Record<string, string> = {}) => {
    const res = await api("POST", "/api/v1/calls", body(name, phone), headers, app.url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  /** The next `n` due jobs the worker would lease, as the interactions they belong to (one claim is a set). */
  const claimOrder = async (n: number) => new Set((await engine.claimDueJobs(WORKER, n)).map((j) => j.interactionId));

  it("runs a person's work first, shares the API lane between credentials, and runs analysis last", {
    timeout: 120_000,
  }, async () => {
    // Integration A queues a backlog first.
    const backlog: string[] = [];
    for (let i = 0; i < 12; i++) backlog.push(await create(`Backlog ${i}`, `+1415555${String(1000 + i)}`));

    // Integration B, with a key of its own, and a staff member in the dashboard, come later.
    const { jar } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
    const key = await api("POST", "/api/v1/api-keys", { name: "Second integration" }, asSession(jar, app.url), app.url);
    expect(key.status).toBe(201);
    const fromB = await create("Integration B", "+14155552001", {
      authorization: basicAuth(key.body.username, key.body.password),
    });
    const fromStaff = await create("Dashboard caller", "+14155552002", asSession(jar, app.url));

    // An ended interaction's analysis, older than all of them but not yet promoted.
    const analysed = backlog.pop() as string;
    await engine.db.job.updateMany({ where: { interactionId: analysed }, data: { kind: "analyze" } });

    expect(await claimOrder(1)).toEqual(new Set([fromStaff]));
    expect(await claimOrder(2)).toEqual(new Set([backlog[0], fromB]));
    // The rest of A's backlog, oldest first, then the analysis.
    expect(await claimOrder(5)).toEqual(new Set(backlog.slice(1, 6)));
    expect(await claimOrder(5)).toEqual(new Set(backlog.slice(6)));
    expect(await claimOrder(5)).toEqual(new Set([analysed]));
    expect(await claimOrder(5)).toEqual(new Set()); // all leased
  });

  it("promotes work that has waited past the limit into the API lane", { timeout: 120_000 }, async () => {
    await engine.db.job.updateMany({ where: { state: "pending" }, data: { state: "done", lockedBy: null, lockedUntil: null } });
    const api1 = await create("Fresh API 1", "+14155553001");
    const api2 = await create("Fresh API 2", "+14155553002");
    const waiting = await create("Long-waiting analysis", "+14155553003");
    await engine.db.job.updateMany({
      where: { interactionId: waiting },
      data: { kind: "analyze", runAt: new Date(Date.now() - 120_000) },
    });
    await engine.db.job.updateMany({ where: { interactionId: api1 }, data: { runAt: new Date(Date.now() - 2000) } });
    await engine.db.job.updateMany({ where: { interactionId: api2 }, data: { runAt: new Date(Date.now() - 1000) } });

    // Promoted to the API lane, it is the oldest of the lane's first round, ahead of the credential's second call.
    expect(await claimOrder(2)).toEqual(new Set([waiting, api1]));
    expect(await claimOrder(2)).toEqual(new Set([api2]));
  });
});
