// Signed webhooks end to end: real loopback receivers (node:http) get Standard Webhooks requests that
// verify with the reference `standardwebhooks` library; retries keep the webhook-id; the delivery
// log shows every attempt; 410 disables; filters, secret rotation, replay, the SSRF rule and a
// restart with a delivery still pending.
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { deliverySchema } from "@/server/webhooks/schema";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";
import { type IncomingWebhook, type ReceivedWebhook, type Responder, startWebhookReceiver } from "../support/webhook-receiver";

/** Responses are parsed with the API's own schema, so a shape change fails here too. */
const deliveryListSchema = z.array(deliverySchema);

type Received = ReceivedWebhook;
const startReceiver = startWebhookReceiver;

const receivers: { close: () => Promise<void> }[] = [];
const webhookIds: string[] = [];

async function register(body: Record<string, unknown>, root?: string) {
  const res = await api("POST", "/api/v1/webhooks", body, {}, root);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  webhookIds.push(res.body.id);
  return res.body as { id: string; secret: string; events: string[] };
}

async function receiverWithEndpoint(body: Record<string, unknown> = {}, respond?: Responder) {
  const receiver = await startReceiver(respond);
  receivers.push(receiver);
  const endpoint = await register({ url: receiver.url, ...body });
  return { receiver, endpoint };
}

const callIdOf = (r: Received) => r.json.data?.callId ?? r.json.data?.id;

async function createCall(channel = "call") {
  const res = await api("POST", "/api/v1/calls", {
    agentId: AGENT_ID,
    skillId: SKILL_ID,
    channel,
    customerName: "Hook Receiver",
    customerPhone: "+14155550188",
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

async function deliveries(webhookId: string, query = "") {
  const res = await api("GET", `/api/v1/webhooks/${webhookId}/deliveries${query}`);
  expect(res.status).toBe(200);
  return deliveryListSchema.parse(res.body);
}

afterAll(async () => {
  for (const id of webhookIds) await api("DELETE", `/api/v1/webhooks/${id}`);
  for (const r of receivers) await r.close();
});

describe("webhooks", () => {
  it("registers an endpoint and shows its secret only once", async () => {
    const { endpoint } = await receiverWithEndpoint({ description: "CRM sync" });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(endpoint.secret.slice(6), "base64").length;
    expect(bytes).toBeGreaterThanOrEqual(24);
    expect(bytes).toBeLessThanOrEqual(64);
    expect(endpoint.events).toEqual([
      "call.created",
      "call.status_changed",
      "call.message",
      "call.ended",
      "call.analyzed",
      "batch.progress",
      "batch.completed",
    ]);

    const one = await api("GET", `/api/v1/webhooks/${endpoint.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: endpoint.id, description: "CRM sync", enabled: true, disabledReason: null });
    const list = await api("GET", "/api/v1/webhooks?limit=100");
    expect(list.status).toBe(200);
    expect(list.headers.get("x-total-count")).toBeTruthy();
    expect(list.body.some((w: { id: string }) => w.id === endpoint.id)).toBe(true);
    for (const body of [one.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(endpoint.secret);
      expect(JSON.stringify(body)).not.toContain("whsec_");
    }

    const changed = await api("PUT", `/api/v1/webhooks/${endpoint.id}`, { description: "CRM", events: ["call.ended"] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ description: "CRM", events: ["call.ended"] });
    expect(JSON.stringify(changed.body)).not.toContain("whsec_");

    const bad = await api("POST", "/api/v1/webhooks", { url: "https://example.com/h", events: ["call.exploded"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toMatch(/^events/);
    const unknown = await api("POST", "/api/v1/webhooks", { url: "https://example.com/h", secret: "whsec_mine" });
    expect(unknown.status).toBe(422);
  });

  it("delivers signed call events from call.created to a complete call.ended, filtered per endpoint", async () => {
    const all = await receiverWithEndpoint();
    const endedOnly = await receiverWithEndpoint({ events: ["call.ended"] });
    const callId = await createCall("call");

    const mine = (rs: Received[]) => rs.filter((r) => callIdOf(r) === callId);
    await expect
      .poll(() => mine(all.receiver.received).some((r) => r.json.type === "call.ended"), { timeout: 30_000 })
      .toBe(true);
    // The post-call analysis follows the end (tests/api/analysis.test.ts covers it).
    await expect
      .poll(() => mine(all.receiver.received).some((r) => r.json.type === "call.analyzed"), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => mine(endedOnly.receiver.received).length, { timeout: 10_000 }).toBe(1);

    const got = mine(all.receiver.received);
    const verifier = new Webhook(all.endpoint.secret);
    for (const r of got) {
      expect(() => verifier.verify(r.body, r.headers)).not.toThrow();
      expect(Object.keys(r.json).sort()).toEqual(["data", "timestamp", "type"]);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(Math.abs(Number(r.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    }
    const types = new Set(got.map((r) => r.json.type));
    expect([...types].sort()).toEqual(["call.analyzed", "call.created", "call.ended", "call.message", "call.status_changed"]);
    // One event, one webhook-id.
    expect(new Set(got.map((r) => r.headers["webhook-id"])).size).toBe(got.length);

    const created = got.find((r) => r.json.type === "call.created");
    expect(created?.json.data).toMatchObject({ id: callId, status: "queued", customerName: "Hook Receiver" });
    const message = got.find((r) => r.json.type === "call.message");
    expect(message?.json.data.message).toMatchObject({ sid: expect.any(String), sender: expect.any(String) });
    const statuses = got.filter((r) => r.json.type === "call.status_changed").map((r) => r.json.data.status);
    expect(statuses).toContain("in-progress");
    expect(statuses).toContain("completed");

    const ended = got.find((r) => r.json.type === "call.ended")?.json.data;
    const final = await api("GET", `/api/v1/calls/${callId}`);
    expect(ended).toMatchObject({ id: callId, status: "completed", duration: final.body.duration });
    expect(ended.transcription).toBeTruthy();
    expect(ended.recordingUrl).toMatch(/\/recording\?token=/);
    expect(ended.messages).toHaveLength(final.body.messages.length);
    expect(ended.messages.length).toBeGreaterThan(0);

    // The filtered endpoint got only call.ended, verifiable with its own secret, not with the other's.
    const [onlyEnded] = mine(endedOnly.receiver.received);
    expect(onlyEnded.json.type).toBe("call.ended");
    expect(() => new Webhook(endedOnly.endpoint.secret).verify(onlyEnded.body, onlyEnded.headers)).not.toThrow();
    expect(() => verifier.verify(onlyEnded.body, onlyEnded.headers)).toThrow();
    const log = await deliveries(endedOnly.endpoint.id);
    expect(log.every((d) => d.eventType === "call.ended")).toBe(true);
  });

  it("retries a refused attempt with the same webhook-id and logs both attempts", async () => {
    const seen = new Set<string>();
    const { receiver, endpoint } = await receiverWithEndpoint({ events: ["call.created"] }, (r) => {
      const first = !seen.has(r.headers["webhook-id"]);
      seen.add(r.headers["webhook-id"]);
      return first ? 503 : 200;
    });
    const callId = await createCall("sms");
    const forCall = () => receiver.received.filter((r) => callIdOf(r) === callId);
    await expect.poll(() => forCall().length, { timeout: 20_000 }).toBe(2);
    const [first, second] = forCall();
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    for (const r of [first, second]) expect(() => new Webhook(endpoint.secret).verify(r.body, r.headers)).not.toThrow();

    await expect
      .poll(async () => (await deliveries(endpoint.id)).find((d) => d.eventId === first.headers["webhook-id"])?.state, {
        timeout: 10_000,
      })
      .toBe("succeeded");
    const delivery = (await deliveries(endpoint.id)).find((d) => d.eventId === first.headers["webhook-id"]);
    if (!delivery) throw new Error("the delivery is missing from the log");
    expect(delivery).toMatchObject({ eventType: "call.created", webhookId: endpoint.id, nextAttemptAt: null });
    expect(delivery.attempts).toHaveLength(2);
    expect(delivery.attempts[0]).toMatchObject({ status: 503, error: expect.stringContaining("503") });
    expect(delivery.attempts[1]).toMatchObject({ status: 200, error: null });
    for (const a of delivery.attempts) {
      expect(a.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(a.at)).not.toBeNaN();
    }
    const succeeded = await deliveries(endpoint.id, "?state=succeeded");
    expect(succeeded.some((d) => d.id === delivery.id)).toBe(true);
  });

  it("sends a test event, replays a delivery, and signs with the rotated secret", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint({ events: ["call.ended"] });
    // Calls of earlier tests may still end meanwhile and send call.ended here too.
    const testEvents = () => receiver.received.filter((r) => r.json.type === "webhook.test");
    const test = await api("POST", `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ eventType: "webhook.test", state: "pending" });
    await expect.poll(() => testEvents().length, { timeout: 10_000 }).toBe(1);
    const [first] = testEvents();
    expect(first.json).toMatchObject({ type: "webhook.test", data: { webhookId: endpoint.id } });
    expect(() => new Webhook(endpoint.secret).verify(first.body, first.headers)).not.toThrow();

    const replay = await api("POST", `/api/v1/webhooks/${endpoint.id}/deliveries/${test.body.id}/replay`);
    expect(replay.status).toBe(202);
    await expect.poll(() => testEvents().length, { timeout: 10_000 }).toBe(2);
    expect(testEvents()[1].headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await expect
      .poll(async () => (await deliveries(endpoint.id)).find((d) => d.id === test.body.id)?.attempts.length, { timeout: 10_000 })
      .toBe(2);

    const rotated = await api("POST", `/api/v1/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(JSON.stringify((await api("GET", `/api/v1/webhooks/${endpoint.id}`)).body)).not.toContain(rotated.body.secret);
    expect((await api("POST", `/api/v1/webhooks/${endpoint.id}/test`)).status).toBe(202);
    await expect.poll(() => testEvents().length, { timeout: 10_000 }).toBe(3);
    const third = testEvents()[2];
    expect(() => new Webhook(rotated.body.secret).verify(third.body, third.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(third.body, third.headers)).toThrow();

    const missing = await api("POST", `/api/v1/webhooks/${endpoint.id}/deliveries/123e4567-e89b-12d3-a456-426614174999/replay`);
    expect(missing.status).toBe(404);
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    // Only the test event is refused: a call of an earlier test may still end and send call.ended here.
    const { receiver, endpoint } = await receiverWithEndpoint({ events: ["call.ended"] }, (r) =>
      r.json.type === "webhook.test" ? 410 : 200,
    );
    const test = await api("POST", `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    await expect
      .poll(async () => (await api("GET", `/api/v1/webhooks/${endpoint.id}`)).body.enabled, { timeout: 10_000 })
      .toBe(false);
    const gone = (await api("GET", `/api/v1/webhooks/${endpoint.id}`)).body;
    expect(gone.disabledReason).toMatch(/410/);
    const delivery = (await deliveries(endpoint.id)).find((d) => d.id === test.body.id);
    expect(delivery).toMatchObject({ state: "failed", attempts: [{ status: 410 }] });
    expect(receiver.received.filter((r) => r.json.type === "webhook.test")).toHaveLength(1);
    const refused = await api("POST", `/api/v1/webhooks/${endpoint.id}/test`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/disabled/);

    const enabled = await api("PUT", `/api/v1/webhooks/${endpoint.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("deletes an endpoint", async () => {
    const { endpoint } = await receiverWithEndpoint();
    expect((await api("DELETE", `/api/v1/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
  });

  it("refuses private, loopback and metadata URLs unless WEBHOOK_ALLOW_PRIVATE_URLS is set", async () => {
    // A second instance on the same database with the flag off (and no worker: it only answers requests).
    const app = await startApp(inject("databaseUrl"), { WEBHOOK_ALLOW_PRIVATE_URLS: "false", WORKER_ENABLED: "false" });
    try {
      const cases: [string, RegExp][] = [
        ["http://127.0.0.1:8080/hooks", /127\.0\.0\.1 is a loopback address/],
        ["http://localhost/hooks", /localhost .* is a loopback address/],
        ["http://10.0.0.5/hooks", /private address/],
        ["http://169.254.169.254/latest/meta-data", /cloud metadata address/],
        ["http://[fd00:ec2::254]/", /cloud metadata address/],
        ["http://[::ffff:192.168.0.1]/", /private address/],
        ["http://100.64.0.1/", /carrier-grade NAT address/],
        ["ftp://example.com/hooks", /http/],
      ];
      for (const [url, message] of cases) {
        const res = await api("POST", "/api/v1/webhooks", { url }, {}, app.url);
        expect(res.status, url).toBe(422);
        expect(res.body.error.details[0].path).toBe("url");
        expect(res.body.error.message, url).toMatch(message);
      }
      const existing = webhookIds[0];
      const put = await api("PUT", `/api/v1/webhooks/${existing}`, { url: "http://127.0.0.1:1/x" }, {}, app.url);
      expect(put.status).toBe(422);
    } finally {
      await app.stop();
    }
  });
});

describe("webhook durability", () => {
  it("delivers a pending retry after the server is killed and restarted", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    let accept = false;
    const accepted: IncomingWebhook[] = [];
    const receiver = await startReceiver((r) => {
      if (accept) accepted.push(r);
      return accept ? 200 : 503;
    });
    const slowRetry = { WEBHOOK_RETRY_BASE_MS: "3000" };
    let app = await startApp(db.url, slowRetry);
    try {
      const endpoint = await register({ url: receiver.url, events: ["call.created"] }, app.url);
      const res = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: "Restart Hook" },
        {},
        app.url,
      );
      expect(res.status).toBe(200);
      const log = async () =>
        deliveryListSchema.parse((await api("GET", `/api/v1/webhooks/${endpoint.id}/deliveries`, undefined, {}, app.url)).body);
      // The refused attempt is recorded and a retry is scheduled: kill the server before it is due.
      await expect.poll(async () => (await log())[0]?.attempts.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
      await app.kill();

      accept = true;
      app = await startApp(db.url, slowRetry, app.port);
      await expect.poll(() => accepted.length, { timeout: 30_000 }).toBe(1);
      expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
      expect(accepted[0].json.data.id).toBe(res.body.id);
      expect(() => new Webhook(endpoint.secret).verify(accepted[0].body, accepted[0].headers)).not.toThrow();
      await expect.poll(async () => (await log())[0].state, { timeout: 10_000 }).toBe("succeeded");
      const [delivery] = await log();
      expect(delivery.attempts.at(-1)).toMatchObject({ status: 200, error: null });
      expect(delivery.attempts.slice(0, -1).every((a) => a.status === 503)).toBe(true);
    } finally {
      await app.stop();
      await receiver.close();
      await db.drop();
    }
  });
});
