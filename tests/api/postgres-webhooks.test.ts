// On PostgreSQL several instances share webhook delivery: two app instances on one database fan out
// and send the events of a batch of interactions, and no attempt is ever sent twice (a receiver that
// accepts everything sees each webhook-id once; one that refuses each first attempt sees it twice).
// The cap of two deliveries in flight per endpoint holds across the instances too.
import { Webhook } from "standardwebhooks";
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";
import { startBlackHole, startWebhookReceiver } from "../support/webhook-receiver";

type Hit = { id: string; type: string; callId: string; status: number; body: string; headers: Record<string, string> };

/** `respond` picks the status from the webhook-id and how many times that id was seen before. */
async function receiver(respond: (webhookId: string, seen: number) => number) {
  const r = await startWebhookReceiver((req, _n, earlier) => {
    const id = req.headers["webhook-id"];
    return respond(id, earlier.filter((e) => e.headers["webhook-id"] === id).length);
  });
  const hits = (): Hit[] =>
    r.received.map((x) => ({
      id: x.headers["webhook-id"],
      type: x.json.type,
      callId: x.json.data.callId ?? x.json.data.id,
      status: x.status,
      body: x.body,
      headers: x.headers,
    }));
  return {
    url: r.url,
    get hits() {
      return hits();
    },
    close: r.close,
  };
}

const countBy = (hits: Hit[]) => hits.reduce((m, h) => m.set(h.id, (m.get(h.id) ?? 0) + 1), new Map<string, number>());

describe("webhooks with two instances on one Postgres database", () => {
  it("send every attempt exactly once", async () => {
    expect(inject("dialect")).toBe("postgresql");
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    const env = { SIMULATOR_STEP_MS: "30", WORKER_POLL_MS: "20", WEBHOOK_RETRY_BASE_MS: "50" };
    const [a, b] = await Promise.all([startApp(db.url, env), startApp(db.url, env)]);
    const accepting = await receiver(() => 200);
    const flaky = await receiver((_id, seen) => (seen === 0 ? 503 : 200));
    try {
      const all = await api("POST", "/api/v1/webhooks", { url: accepting.url }, {}, a.url);
      const some = await api("POST", "/api/v1/webhooks", { url: flaky.url, events: ["call.created", "call.ended"] }, {}, b.url);
      expect([all.status, some.status]).toEqual([201, 201]);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel: i % 3 ? "sms" : "call",
            customerName: `Hook Pair ${i}`,
            customerPhone: `+1415555070${String(i).padStart(2, "0")}`,
          },
          {},
          i % 2 ? a.url : b.url,
        );
        expect(res.status).toBe(200);
        ids.push(res.body.id);
      }
      for (const id of ids) await waitForTerminal(id, 60_000, a.url);
      const endedFor = (hits: Hit[]) =>
        new Set(hits.filter((h) => h.type === "call.ended" && h.status === 200).map((h) => h.callId));
      await expect.poll(() => endedFor(accepting.hits).size, { timeout: 30_000 }).toBe(ids.length);
      await expect.poll(() => endedFor(flaky.hits).size, { timeout: 30_000 }).toBe(ids.length);
      for (const [endpoint, root] of [
        [all.body.id, a.url],
        [some.body.id, b.url],
      ]) {
        await expect
          .poll(async () =>
            (await api("GET", `/api/v1/webhooks/${endpoint}/deliveries?state=pending`, undefined, {}, root)).headers.get(
              "x-total-count",
            ),
          )
          .toBe("0");
      }

      expect([...countBy(accepting.hits).values()].every((n) => n === 1)).toBe(true);
      const flakyCounts = countBy(flaky.hits);
      expect(flakyCounts.size).toBe(ids.length * 2);
      expect([...flakyCounts.values()].every((n) => n === 2)).toBe(true);
      const verifier = new Webhook(all.body.secret);
      for (const h of accepting.hits) expect(() => verifier.verify(h.body, h.headers)).not.toThrow();
    } finally {
      await Promise.all([a.stop(), b.stop(), accepting.close(), flaky.close()]);
      await db.drop();
    }
  });
});

describe("the in-flight cap with two instances on one Postgres database", () => {
  it("keeps an endpoint that never answers at two open requests in all", { timeout: 180_000 }, async () => {
    expect(inject("dialect")).toBe("postgresql");
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    const env = { SIMULATOR_STEP_MS: "30", WORKER_POLL_MS: "20", WEBHOOK_TIMEOUT_MS: "1500" };
    const [a, b] = await Promise.all([startApp(db.url, env), startApp(db.url, env)]);
    const hole = await startBlackHole();
    try {
      expect((await api("POST", "/api/v1/webhooks", { url: hole.url }, {}, a.url)).status).toBe(201);
      for (let i = 0; i < 3; i++) {
        const res = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel: "sms",
            customerName: `Hole Pair ${i}`,
            customerPhone: `+1415555072${i}`,
          },
          {},
          i % 2 ? a.url : b.url,
        );
        expect(res.status).toBe(200);
      }
      // Several rounds of timed-out attempts, each claimed by whichever instance looked first.
      await expect.poll(() => hole.connections, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
      expect(hole.maxOpen).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop(), hole.close()]);
      await db.drop();
    }
  });
});
