// Webhooks under hostile or careless use, each on its own database and app: endpoints that accept
// connections and never answer hold at most two delivery slots each, so a healthy endpoint is not
// kept waiting behind them; the number of endpoints is capped (WEBHOOK_MAX_ENDPOINTS); and the
// pending deliveries of a disabled endpoint end and are pruned like any other.
import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { deliverySchema } from "@/server/webhooks/schema";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";
import { disconnectInProcessDatabase, importWithDatabase } from "../support/in-process";
import { startBlackHole, startWebhookReceiver } from "../support/webhook-receiver";

async function withApp(env: Record<string, string>, fn: (app: RunningApp, databaseUrl: string) => Promise<void>) {
  const db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  const app = await startApp(db.url, env);
  try {
    await fn(app, db.url);
  } finally {
    await app.stop();
    await db.drop();
  }
}

async function register(app: RunningApp, url: string) {
  const res = await api("POST", "/api/v1/webhooks", { url }, {}, app.url);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe("endpoints that never answer", () => {
  it("do not delay a healthy endpoint's deliveries by more than one attempt's timeout", { timeout: 180_000 }, async () => {
    // Long enough that hung attempts holding every sending slot would show plainly, on a busy machine too.
    const timeoutMs = 10_000;
    const holes = await Promise.all(Array.from({ length: 5 }, () => startBlackHole()));
    const healthy = await startWebhookReceiver();
    try {
      await withApp({ WEBHOOK_TIMEOUT_MS: String(timeoutMs) }, async (app) => {
        for (const hole of holes) await register(app, hole.url);
        await register(app, healthy.url);
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await api(
            "POST",
            "/api/v1/calls",
            {
              agentId: AGENT_ID,
              skillId: SKILL_ID,
              channel: i % 2 ? "sms" : "call",
              customerName: `Black Hole ${i}`,
              customerPhone: `+1415555061${i}`,
            },
            {},
            app.url,
          );
          expect(res.status).toBe(200);
          ids.push(res.body.id);
        }
        for (const id of ids) await waitForTerminal(id, 60_000, app.url);
        const ended = () => new Set(healthy.received.filter((r) => r.json.type === "call.ended").map((r) => r.json.data.id));
        await expect.poll(() => ended().size, { timeout: 30_000 }).toBe(ids.length);

        // Each event's delay: from when it happened (the envelope's timestamp) to its arrival.
        const delays = healthy.received.map((r) => r.receivedAt - Date.parse(r.json.timestamp));
        expect(delays.length).toBeGreaterThan(ids.length * 5);
        expect(Math.max(...delays)).toBeLessThan(timeoutMs);
        for (const hole of holes) {
          expect(hole.connections).toBeGreaterThan(0);
          expect(hole.maxOpen).toBeLessThanOrEqual(2);
        }
      });
    } finally {
      await Promise.all([...holes.map((h) => h.close()), healthy.close()]);
    }
  });
});

describe("the endpoint cap", () => {
  it("refuses one endpoint more than WEBHOOK_MAX_ENDPOINTS, even when requests race", { timeout: 120_000 }, async () => {
    await withApp({ WEBHOOK_MAX_ENDPOINTS: "3", WORKER_ENABLED: "false" }, async (app) => {
      const creates = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api("POST", "/api/v1/webhooks", { url: `https://example.com/hooks/${i}` }, {}, app.url),
        ),
      );
      expect(creates.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      const refused = creates.find((r) => r.status === 409);
      expect(refused?.body.error.code).toBe("conflict");
      expect(refused?.body.error.message).toMatch(/3 webhook endpoints/);
      expect(refused?.body.error.message).toMatch(/WEBHOOK_MAX_ENDPOINTS/);
      const list = await api("GET", "/api/v1/webhooks", undefined, {}, app.url);
      expect(list.headers.get("x-total-count")).toBe("3");

      // Deleting one makes room again.
      const first = creates.find((r) => r.status === 201)?.body.id;
      expect((await api("DELETE", `/api/v1/webhooks/${first}`, undefined, {}, app.url)).status).toBe(204);
      expect((await api("POST", "/api/v1/webhooks", { url: "https://example.com/hooks/again" }, {}, app.url)).status).toBe(201);
      expect((await api("POST", "/api/v1/webhooks", { url: "https://example.com/hooks/more" }, {}, app.url)).status).toBe(409);
    });
  });
});

describe("pruning the delivery log", () => {
  it("ends and prunes the pending deliveries of a disabled endpoint, and leaves an enabled one's for its last attempt", {
    timeout: 120_000,
  }, async () => {
    // No worker: deliveries stay pending until the pruner, called directly, decides about them.
    await withApp({ WORKER_ENABLED: "false", WEBHOOK_RETRY_WINDOW_SECONDS: "1" }, async (app, databaseUrl) => {
      const disabled = await register(app, "https://example.com/hooks/disabled");
      const enabled = await register(app, "https://example.com/hooks/enabled");
      for (const id of [disabled, enabled])
        expect((await api("POST", `/api/v1/webhooks/${id}/test`, undefined, {}, app.url)).status).toBe(202);
      expect((await api("PUT", `/api/v1/webhooks/${disabled}`, { enabled: false }, {}, app.url)).status).toBe(200);
      const log = async (id: string) =>
        z.array(deliverySchema).parse((await api("GET", `/api/v1/webhooks/${id}/deliveries`, undefined, {}, app.url)).body);

      const { pruneWebhookLog } = await importWithDatabase(databaseUrl, () => import("@/server/webhooks/delivery"));
      try {
        const day = 86_400_000;
        // Past the one-second retry window.
        await pruneWebhookLog(new Date(Date.now() + 60_000));
        expect((await log(disabled)).map((d) => d.state)).toEqual(["failed"]);
        expect((await log(enabled)).map((d) => d.state)).toEqual(["pending"]);
        // Finished deliveries go after 30 days.
        await pruneWebhookLog(new Date(Date.now() + 31 * day));
        expect(await log(disabled)).toEqual([]);
        expect((await log(enabled)).map((d) => d.state)).toEqual(["pending"]);
      } finally {
        await disconnectInProcessDatabase();
      }
    });
  });
});
