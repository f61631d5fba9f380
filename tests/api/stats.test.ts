// GET /api/v1/stats: the overview's counters. Runs its own app with the worker off, so interactions
// stay queued (in progress) until the test ends them, and every count is exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statsSchema } from "@/server/stats/schema";
import { type RunningApp, newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, dialect, SKILL_ID } from "../support/api";

let app: RunningApp;
let drop: () => Promise<void>;
const stats = async (query = "") => {
  const res = await api("GET", `/api/v1/stats${query}`, undefined, {}, app.url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return statsSchema.parse(res.body);
};
const create = async (body: Record<string, unknown>) => {
  const res = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: SKILL_ID, ...body }, {}, app.url);
  expect(res.status).toBe(200);
  return res.body.id as string;
};

beforeAll(async () => {
  const db = await newDatabase(dialect());
  drop = db.drop;
  prepareDatabase(db.url);
  app = await startApp(db.url, { WORKER_ENABLED: "false" }, undefined, { untilHealthy: false });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
});

describe("stats", () => {
  it("needs credentials", async () => {
    const res = await fetch(`${app.url}/api/v1/stats`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("is all zeros on a fresh install, with every channel listed", async () => {
    const body = await stats();
    expect(body).toMatchObject({ inProgress: 0, total: 0, today: { total: 0, byStatus: {} } });
    expect(body.today.byChannel).toEqual({ call: 0, sms: 0, whatsapp: 0, email: 0, webchat: 0 });
  });

  it("counts live interactions and today's by status and channel", async () => {
    await create({ channel: "sms", customerName: "Stats Sms", customerPhone: "+14155550901" });
    await create({ channel: "email", customerName: "Stats Mail", customerEmail: "stats.mail@example.com" });
    const canceled = await create({ channel: "webchat", customerName: "Stats Chat" });
    const put = await api("PUT", `/api/v1/calls/${canceled}`, { status: "canceled" }, {}, app.url);
    expect(put.status).toBe(200);

    const body = await stats();
    expect(body.inProgress).toBe(2);
    expect(body.total).toBe(3);
    expect(body.today).toEqual({
      total: 3,
      byStatus: { queued: 2, canceled: 1 },
      byChannel: { call: 0, sms: 1, whatsapp: 0, email: 1, webchat: 1 },
    });
  });

  it("starts the day at `since`, or at local midnight for a `tz` offset", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const future = await stats(`?since=${encodeURIComponent(tomorrow)}`);
    expect(future.since).toBe(tomorrow);
    expect(future.today.total).toBe(0);
    expect(future.inProgress).toBe(2); // live counts do not depend on the day

    const utcPlus14 = await stats("?tz=-840");
    const since = new Date(utcPlus14.since);
    expect(since.getTime()).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - since.getTime()).toBeLessThan(86_400_000);
    // Local midnight at UTC+14 is 10:00 UTC.
    expect(since.toISOString()).toMatch(/T10:00:00\.000Z$/);
  });

  it("rejects a bad tz or since with the error envelope", async () => {
    for (const query of ["?tz=abc", "?tz=900", "?since=yesterday", "?tz=60&since=2025-01-01T00:00:00Z", "?foo=1"]) {
      const res = await api("GET", `/api/v1/stats${query}`, undefined, {}, app.url);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
  });
});
