// Live streams under pressure. Clients that never read do not make the server buffer without limit:
// each is disconnected once its queue is full, and its slot is freed. Each principal holds at most
// SSE_MAX_STREAMS_PER_PRINCIPAL streams; a slot comes back however its stream ends.
import { readFileSync } from "node:fs";
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, basicAuth, SKILL_ID } from "../support/api";
import { collectSse, openSseStream } from "../support/sse";

const PAUSED_STREAMS = 50;
const CALLS = 2;
const ROUNDS = 60;
/**
 * Allowed RSS growth. Every round sends each stream a call of about 140 KB, 7 MB a round: buffered
 * without limit, the server grows by about 10 MB a round once the sockets' kernel buffers are full
 * (measured: +560 MB after 60 rounds), while bounded queues keep it within the garbage collector's
 * sawtooth (measured: under 80 MB).
 */
const RSS_GROWTH_BOUND = 200 * 1024 * 1024;

const rssBytes = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN) * 1024;

/** A call whose object is as large as the schema allows (about 140 KB), so that every frame is too. */
const fatCall = (i: number) => ({
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "call",
  customerName: `Paused Viewer ${i}`,
  customerPhone: `+1415555${String(7000 + i)}`,
  customerOverride: {
    customFields: Array.from({ length: 50 }, (_, f) => ({ name: `field${f}`, value: `${f}`.padEnd(2000, "·") })),
  },
  agentOverride: { prompt: { prompt: "Be brief. ".repeat(2000) } },
});

/** Opens a stream whose body is never read: the socket stops reading once its small buffer is full. */
function openPaused(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { authorization: basicAuth(), accept: "text/event-stream" } }, (res) => {
      res.pause();
      resolve(res);
    });
    req.on("error", reject);
  });
}

/** Reads a paused stream to its end: resolves once the server has closed it, however abruptly. */
function readToEnd(res: http.IncomingMessage, timeoutMs: number): Promise<"closed" | "still open"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.destroy();
      resolve("still open");
    }, timeoutMs);
    res.on("error", () => {});
    res.once("close", () => {
      clearTimeout(timer);
      resolve("closed");
    });
    res.resume();
  });
}

/** Opens streams until one is accepted (a slot is released asynchronously, after the server notices). */
async function openOnceFree(url: string, headers: Record<string, string> = {}) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const stream = await openSseStream(url, headers);
    if (stream.res.status !== 429 || Date.now() > deadline) return stream;
    await stream.res.body?.cancel();
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("live streams under pressure", () => {
  it(`keeps memory flat with ${PAUSED_STREAMS} streams that never read, disconnecting them`, { timeout: 240_000 }, async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    // The worker stays off: the calls wait in the queue and staff updates are the only traffic.
    const app = await startApp(db.url, {
      WORKER_ENABLED: "false",
      MAX_BODY_BYTES: "300000",
      SSE_MAX_STREAMS_PER_PRINCIPAL: String(PAUSED_STREAMS),
      API_RATE_LIMIT_PER_MINUTE: "0",
    });
    const paused: http.IncomingMessage[] = [];
    try {
      const pid = app.process.pid ?? -1;
      const ids: string[] = [];
      for (let i = 0; i < CALLS; i++) {
        const created = await api("POST", "/api/v1/calls", fatCall(i), {}, app.url);
        expect(created.status).toBe(200);
        ids.push(created.body.id);
      }
      for (let i = 0; i < PAUSED_STREAMS; i++) {
        const res = await openPaused(`${app.url}/api/v1/calls/${ids[i % CALLS]}/events`);
        expect(res.statusCode).toBe(200);
        paused.push(res);
      }
      const update = async (round: number) => {
        for (const id of ids) {
          const res = await api("PUT", `/api/v1/calls/${id}`, { note: `Round ${round}` }, {}, app.url);
          expect(res.status).toBe(200);
        }
      };
      await update(0);
      const before = rssBytes(pid);
      for (let round = 1; round <= ROUNDS; round++) await update(round);
      const growth = rssBytes(pid) - before;

      expect(growth).toBeLessThan(RSS_GROWTH_BOUND);
      // The server closed every stream that fell behind, rather than holding it open…
      const ends = await Promise.all(paused.map((res) => readToEnd(res, 30_000)));
      expect(ends.filter((end) => end === "still open")).toEqual([]);
      // …and gave its slot back: the principal may open a stream again.
      const again = await openSseStream(`${app.url}/api/v1/calls/${ids[0]}/events`);
      expect(again.res.status).toBe(200);
      again.close();
    } finally {
      for (const res of paused) res.destroy();
      await app.stop();
      await db.drop();
    }
  });

  it("resumes the all-calls feed without a gap however far behind the client fell", { timeout: 180_000 }, async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const app = await startApp(db.url, { WORKER_ENABLED: "false", API_RATE_LIMIT_PER_MINUTE: "0" });
    try {
      // More changes than one replay query returns (and than the replay once sent at most).
      const count = 520;
      const ids = new Set<string>();
      let firstCreatedAt = Number.POSITIVE_INFINITY;
      for (let batch = 0; batch < count / 10; batch++) {
        const created = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api(
              "POST",
              "/api/v1/calls",
              {
                agentId: AGENT_ID,
                skillId: SKILL_ID,
                channel: "sms",
                customerName: `Backlog ${batch * 10 + i}`,
                customerPhone: "+14155557200",
              },
              {},
              app.url,
            ),
          ),
        );
        for (const c of created) {
          expect(c.status).toBe(200);
          ids.add(c.body.id);
          firstCreatedAt = Math.min(firstCreatedAt, Date.parse(c.body.createdAt));
        }
      }
      // The feed's own poll looks back 5 s: past that, only the replay can bring these calls back.
      await new Promise((r) => setTimeout(r, 5500));
      const resumed = await openSseStream(`${app.url}/api/v1/events`, { "last-event-id": String(firstCreatedAt - 1) });
      const missing = new Set(ids);
      await collectSse(resumed, (e) => {
        missing.delete(e.data.id);
        return missing.size === 0;
      });
      resumed.close();
      expect(missing.size).toBe(0);
    } finally {
      await app.stop();
      await db.drop();
    }
  });

  it("refuses streams over the per-principal cap with 429, and frees a slot however a stream ends", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const app = await startApp(db.url, { WORKER_ENABLED: "false", SSE_MAX_STREAMS_PER_PRINCIPAL: "3" });
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerName: "Cap Test", customerPhone: "+14155557100" },
        {},
        app.url,
      );
      const callStream = `${app.url}/api/v1/calls/${created.body.id}/events`;
      const feed = `${app.url}/api/v1/events`;
      const open = [await openSseStream(feed), await openSseStream(feed), await openSseStream(callStream)];
      expect(open.map((s) => s.res.status)).toEqual([200, 200, 200]);
      await open[2].events.next();

      for (const url of [feed, callStream]) {
        const refused = await openSseStream(url);
        expect(refused.res.status).toBe(429);
        expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        const body = await refused.res.json();
        expect(body.error.code).toBe("rate_limited");
        expect(body.error.message).toContain("at most 3");
      }

      // A dashboard session is another principal, with slots of its own.
      const signIn = await fetch(`${app.url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body: JSON.stringify(TEST_ADMIN),
      });
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
      const staff = await openSseStream(feed, { authorization: "", cookie });
      expect(staff.res.status).toBe(200);
      staff.close();

      // The client goes away: its slot comes back.
      open[0].close();
      const afterClose = await openOnceFree(feed);
      expect(afterClose.res.status).toBe(200);

      // The stream ends by itself (a terminal status): its slot comes back too.
      const canceled = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "canceled" }, {}, app.url);
      expect(canceled.status).toBe(200);
      for (let r = await open[2].events.next(); !r.done; r = await open[2].events.next());
      const afterEnd = await openOnceFree(feed);
      expect(afterEnd.res.status).toBe(200);

      for (const s of [open[1], afterClose, afterEnd]) s.close();
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
