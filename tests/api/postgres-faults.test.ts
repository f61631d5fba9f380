// Faults injected for real, on a PostgreSQL server this file owns (tests/support/own-postgres.ts), so the
// machine's shared cluster is never stopped:
//   - the database stops mid-load and starts again: creates in between answer 503 database_unavailable
//     with Retry-After; afterwards every interaction ends exactly once, every webhook is delivered exactly
//     once, and a live stream that reconnects with Last-Event-ID misses nothing;
//   - only the LISTEN connection is killed: other instances' changes still reach a viewer;
//   - SIGTERM to one of two instances with leased jobs: it exits 0, and the other takes them over at once;
// and no server log ever shows an uncaughtException or unhandledRejection.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";
import { startFakeLlm } from "../support/fake-llm";
import { type OwnPostgres, ownPostgres } from "../support/own-postgres";
import { openSseStream, type SseEvent } from "../support/sse";
import { startWebhookReceiver } from "../support/webhook-receiver";

const CRASH_SIGNS = /uncaughtException|unhandledRejection|Unhandled Rejection/;

let server: OwnPostgres;

beforeAll(async () => {
  expect(inject("dialect")).toBe("postgresql");
  server = await ownPostgres();
  prepareDatabase(server.url);
}, 120_000);
afterAll(async () => {
  await server?.destroy();
});

const create = (root: string, i: number, channel = "sms") =>
  api(
    "POST",
    "/api/v1/calls",
    { agentId: AGENT_ID, skillId: SKILL_ID, channel, customerName: `Outage ${i}`, customerPhone: `+1415555${String(8000 + i)}` },
    {},
    root,
  );

/**
 * Reads one call's live stream to its end as a client that loses its connection when `drop` settles:
 * it reconnects with Last-Event-ID until the server answers again, and records each answer's status.
 */
async function followWithReconnects(root: string, id: string, drop: Promise<void>, timeoutMs: number) {
  const seen: SseEvent[] = [];
  const answers: number[] = [];
  let lastId: string | undefined;
  let dropped = false;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const stream = await openSseStream(`${root}/api/v1/calls/${id}/events`, lastId ? { "last-event-id": lastId } : {});
    answers.push(stream.res.status);
    // 204: a resume of an ended call that missed nothing.
    if (stream.res.status === 204) break;
    if (stream.res.status !== 200) {
      stream.close();
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    if (!dropped) {
      void drop.then(() => {
        dropped = true;
        stream.close();
      });
    }
    const timer = setTimeout(stream.close, Math.max(0, deadline - Date.now()));
    let ended = false;
    try {
      for (let r = await stream.events.next(); !r.done; r = await stream.events.next()) {
        seen.push(r.value);
        if (r.value.id) lastId = r.value.id;
        const status = r.value.event === "status" || r.value.event === "call" ? r.value.data.status : undefined;
        if (status === "completed" || r.value.data?.status === "completed") ended = true;
      }
    } finally {
      clearTimeout(timer);
    }
    if (ended) break;
  }
  return { seen, answers };
}

describe("a PostgreSQL outage under load", () => {
  it("answers 503 database_unavailable during it, and loses or doubles nothing after it", { timeout: 240_000 }, async () => {
    const app = await startApp(server.url, {
      SIMULATOR_STEP_MS: "400",
      WORKER_POLL_MS: "50",
      WEBHOOK_RETRY_BASE_MS: "200",
    });
    const receiver = await startWebhookReceiver(() => 200);
    try {
      expect((await api("POST", "/api/v1/webhooks", { url: receiver.url }, {}, app.url)).status).toBe(201);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await create(app.url, i);
        expect(res.status).toBe(200);
        ids.push(res.body.id);
      }
      let outage!: () => void;
      const watched = followWithReconnects(app.url, ids[0], new Promise((r) => (outage = r)), 100_000);
      await new Promise((r) => setTimeout(r, 800));
      await server.stop();
      outage();
      const during = await create(app.url, 50);
      expect(during.status).toBe(503);
      expect(during.body.error.code).toBe("database_unavailable");
      expect(during.body.error.message).toMatch(/database/i);
      expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
      const read = await api("GET", `/api/v1/calls/${ids[1]}`, undefined, {}, app.url);
      expect([read.status, read.body.error.code]).toEqual([503, "database_unavailable"]);
      expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
      await new Promise((r) => setTimeout(r, 3_000));
      await server.start();

      // New work is accepted again, and everything in flight finishes.
      const after = await create(app.url, 60);
      expect(after.status).toBe(200);
      ids.push(after.body.id);
      const ended = async () => {
        const statuses = await Promise.all(
          ids.map(async (id) => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body.status),
        );
        return statuses.filter((s) => s === "completed").length;
      };
      await expect.poll(ended, { timeout: 120_000, interval: 1_000 }).toBe(ids.length);

      // Exactly once: one end per interaction in its history, one delivery per webhook id.
      const histories = await server.query(
        `SELECT "interactionId", count(*)::int AS n FROM "StatusChange" WHERE "toStatus" = 'completed' GROUP BY 1`,
      );
      expect(histories.rows).toHaveLength(ids.length);
      expect(histories.rows.every((r) => r.n === 1)).toBe(true);
      const endedHooks = () =>
        receiver.received.filter((h) => h.json.type === "call.ended").map((h) => h.json.data.callId ?? h.json.data.id);
      await expect.poll(() => new Set(endedHooks()).size, { timeout: 60_000 }).toBe(ids.length);
      const perId = new Map<string, number>();
      for (const h of receiver.received) perId.set(h.headers["webhook-id"], (perId.get(h.headers["webhook-id"]) ?? 0) + 1);
      expect([...perId.entries()].filter(([, n]) => n > 1)).toEqual([]);

      // The viewer reconnected through the outage and saw every message once, in order, to the end.
      const { seen, answers } = await watched;
      expect(answers[0]).toBe(200);
      expect(answers).toContain(503);
      expect(answers.at(-1)).toBe(200);
      const final = (await api("GET", `/api/v1/calls/${ids[0]}`, undefined, {}, app.url)).body;
      const firstSnapshot = seen.find((e) => e.event === "call")!.data;
      const streamed = seen.filter((e) => e.event === "message").map((e) => e.data.sid);
      expect(streamed).toEqual(final.messages.slice(firstSnapshot.messages.length).map((m: { sid: string }) => m.sid));

      expect(app.output()).not.toMatch(CRASH_SIGNS);
    } finally {
      await app.stop();
      await receiver.close();
    }
  });
});

describe("a killed LISTEN connection", () => {
  it("is replaced, and other instances' changes still reach a viewer", { timeout: 180_000 }, async () => {
    // The viewer polls only once a minute: what it streams within the test's patience came by NOTIFY.
    const [worker, viewer] = await Promise.all([
      startApp(server.url, { SIMULATOR_STEP_MS: "700", EVENTS_POLL_MS: "60000" }),
      startApp(server.url, { WORKER_ENABLED: "false", EVENTS_POLL_MS: "60000" }),
    ]);
    try {
      const created = await create(viewer.url, 70);
      expect(created.status).toBe(200);
      const stream = await openSseStream(`${viewer.url}/api/v1/calls/${created.body.id}/events`);
      expect(stream.res.status).toBe(200);
      const seen: SseEvent[] = [];
      const reading = (async () => {
        for (let r = await stream.events.next(); !r.done; r = await stream.events.next()) seen.push(r.value);
      })();
      await expect.poll(() => seen.filter((e) => e.event === "message").length, { timeout: 30_000 }).toBeGreaterThan(0);

      const killed = await server.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      expect(killed.rows.length).toBeGreaterThan(0);
      const timer = setTimeout(stream.close, 45_000);
      await reading;
      clearTimeout(timer);

      const final = (await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, viewer.url)).body;
      expect(final.status).toBe("completed");
      const first = seen.find((e) => e.event === "call")!.data;
      expect(seen.filter((e) => e.event === "message").map((e) => e.data.sid)).toEqual(
        final.messages.slice(first.messages.length).map((m: { sid: string }) => m.sid),
      );
      expect(viewer.output()).toMatch(/LISTEN connection lost, reconnecting/);
      for (const app of [worker, viewer]) expect(app.output()).not.toMatch(CRASH_SIGNS);
    } finally {
      await Promise.all([worker.stop(), viewer.stop()]);
    }
  });
});

describe("SIGTERM to one of two instances", () => {
  it("exits 0 and hands its leased work to the other at once, not when the lease expires", { timeout: 180_000 }, async () => {
    const llm = await startFakeLlm();
    const env = { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "fake-model", LLM_TIMEOUT_MS: "60000", SHUTDOWN_GRACE_MS: "2000" };
    const leaving = await startApp(server.url, env);
    let staying: RunningApp | undefined;
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: "Sam Leaving" },
        {},
        leaving.url,
      );
      expect(created.status).toBe(200);
      const id = created.body.id as string;
      const agentLinesOn = async (root: string) =>
        (await api("GET", `/api/v1/calls/${id}`, undefined, {}, root)).body.messages.filter(
          (m: { sender: string; internal: boolean }) => m.sender === "agent" && !m.internal,
        ).length;
      await expect.poll(() => agentLinesOn(leaving.url), { timeout: 30_000 }).toBe(1);

      // The model hangs on the next turn, so the leaving instance holds that turn's job when it is told to stop.
      llm.queue({ stallMs: 120_000 });
      const asked = llm.requests.length;
      const token = String(created.body.links.chat).split("/").at(-1);
      const sent = await api(
        "POST",
        `/api/chat/${token}/messages`,
        { content: "Is my parcel late?" },
        { authorization: "" },
        leaving.url,
      );
      expect(sent.status).toBeLessThan(300);
      await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(asked + 1);
      const lease = await server.query(
        `SELECT "lockedBy", "lockedUntil" FROM "Job" WHERE "interactionId" = '${id}' AND state = 'pending' AND "lockedBy" IS NOT NULL`,
      );
      expect(lease.rows).toHaveLength(1);
      const leasedUntil = new Date(`${lease.rows[0].lockedUntil}`).getTime();

      staying = await startApp(server.url, env);
      await leaving.stop();
      expect(leaving.process.exitCode).toBe(0);
      expect(leaving.output()).toMatch(/handed back 1 job/);

      // The other instance runs the turn again, well before the old lease would have expired.
      await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(asked + 2);
      expect(Date.now()).toBeLessThan(leasedUntil);
      await expect.poll(() => agentLinesOn(staying!.url), { timeout: 30_000 }).toBe(2);
      const after = (await api("GET", `/api/v1/calls/${id}`, undefined, {}, staying.url)).body;
      expect(after.messages.filter((m: { sender: string }) => m.sender === "customer")).toHaveLength(1);
      for (const app of [leaving, staying]) expect(app.output()).not.toMatch(CRASH_SIGNS);
    } finally {
      await Promise.all([leaving.stop(), staying?.stop()]);
      await llm.close();
    }
  });
});
