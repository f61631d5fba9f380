// Batch campaigns end to end on a real database: a batch's tasks become interactions that the simulator
// finishes, pause / resume / cancel hold, bad input is refused with the envelope (never a 5xx), the
// batch webhooks arrive, and a SIGKILL during dispatch neither starts a task twice nor loses one.
import { afterAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { batchSchema, batchTaskObjectSchema } from "@/server/batches/schema";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, baseUrl, SKILL_ID } from "../support/api";
import { collectSse, openSseStream } from "../support/sse";
import { startWebhookReceiver } from "../support/webhook-receiver";

const tasksSchema = z.array(batchTaskObjectSchema);
const phoneOf = (i: number) => `+1415555${String(2000 + i).padStart(4, "0")}`;
const task = (i: number) => ({
  customerOverride: { firstName: "Client", lastName: String(i), phoneNumber: phoneOf(i) },
});
const batchBody = (tasks: unknown[], extra: Record<string, unknown> = {}) => ({
  name: "Spring renewals",
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "call",
  timezone: "America/New_York",
  pacingPerSecond: 50,
  concurrency: 10,
  simulate: true,
  tasks,
  ...extra,
});

async function create(body: unknown, root?: string) {
  const res = await api("POST", "/api/v1/batches", body, {}, root);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
  return batchSchema.parse(res.body);
}
const getBatch = async (id: string, root?: string) =>
  batchSchema.parse((await api("GET", `/api/v1/batches/${id}`, undefined, {}, root)).body);
const getTasks = async (id: string, root?: string, query = "?limit=100") =>
  tasksSchema.parse((await api("GET", `/api/v1/batches/${id}/tasks${query}`, undefined, {}, root)).body);
const act = (id: string, action: string) => api("PUT", `/api/v1/batches/${id}`, { action });

async function waitForBatch(id: string, status: string, timeout = 45_000, root?: string) {
  await expect.poll(async () => (await getBatch(id, root)).status, { timeout, interval: 150 }).toBe(status);
  return getBatch(id, root);
}

const receivers: { close: () => Promise<void> }[] = [];
const webhooks: string[] = [];
afterAll(async () => {
  for (const id of webhooks) await api("DELETE", `/api/v1/webhooks/${id}`);
  for (const r of receivers) await r.close();
});

describe("batch campaigns", () => {
  it("starts every task as an interaction, follows them to the end, and sends the batch webhooks", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const hook = await api("POST", "/api/v1/webhooks", { url: receiver.url, events: ["batch.progress", "batch.completed"] });
    expect(hook.status).toBe(201);
    webhooks.push(hook.body.id);

    const created = await create(batchBody([task(1), task(2)]));
    expect(created).toMatchObject({ status: "running", taskCount: 2, progress: 0 });
    expect(created.counts.pending + created.counts.started).toBe(2);

    const done = await waitForBatch(created.id, "completed");
    expect(done.counts).toEqual({ pending: 0, started: 0, completed: 2, failed: 0, cancelled: 0 });
    expect(done.progress).toBe(1);
    expect(done.completedAt).not.toBeNull();

    const tasks = await getTasks(created.id);
    expect(tasks.map((t) => t.row)).toEqual([1, 2]);
    for (const [i, t] of tasks.entries()) {
      expect(t).toMatchObject({ state: "completed", outcome: "completed", attempts: 1, customerPhone: phoneOf(i + 1) });
      const call = await api("GET", `/api/v1/calls/${t.interactionId}`);
      expect(call.body).toMatchObject({ status: "completed", customerPhone: phoneOf(i + 1), agentId: AGENT_ID });
      expect(t.links.interaction).toContain(`/api/v1/calls/${t.interactionId}`);
    }

    await expect
      .poll(() => receiver.received.filter((r) => r.json.type === "batch.completed").length, { timeout: 15_000 })
      .toBe(1);
    const mine = receiver.received.filter((r) => r.json.data.id === created.id);
    const completed = mine.find((r) => r.json.type === "batch.completed");
    expect(batchSchema.parse(completed?.json.data)).toMatchObject({ status: "completed", progress: 1 });
    const progress = mine.filter((r) => r.json.type === "batch.progress").map((r) => batchSchema.parse(r.json.data));
    expect(progress.length).toBeGreaterThan(0);
    // Throttled: at most one per second per batch (the envelope's timestamp is when the event was recorded).
    const times = mine
      .filter((r) => r.json.type === "batch.progress")
      .map((r) => Date.parse(r.json.timestamp))
      .sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(900);
  });

  it("streams its progress over SSE to the end, and a resume after the end answers 204", async () => {
    const created = await create(
      batchBody(
        [1, 2, 3, 4].map((i) => task(40 + i)),
        { concurrency: 2, pacingPerSecond: 2 },
      ),
    );
    const url = `${baseUrl()}/api/v1/batches/${created.id}/events`;
    const stream = await openSseStream(url);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = await collectSse(stream, (e) => e.event === "completed", 45_000);

    // First the batch as it is, then every move: counts only ever go forward, and the last event completes it.
    const batches = events.map((e) => batchSchema.parse(e.data));
    expect(events.slice(0, -1).every((e) => e.event === "progress")).toBe(true);
    expect(events.at(-1)?.event).toBe("completed");
    expect(batches.at(-1)).toMatchObject({ status: "completed", progress: 1, counts: { completed: 4, pending: 0 } });
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const finished = batches.map((b) => b.counts.completed + b.counts.failed);
    expect(finished).toEqual([...finished].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    // EventSource reconnects after the server ends a stream: with the final id it is told there is nothing more.
    const path = `/api/v1/batches/${created.id}/events`;
    expect((await api("GET", path, undefined, { "last-event-id": events.at(-1)?.id ?? "" })).status).toBe(204);
    const bad = await api("GET", path, undefined, { "last-event-id": "yesterday" });
    expect(bad.status).toBe(422);
    expect((await api("GET", "/api/v1/batches/00000000-0000-4000-8000-000000000000/events")).status).toBe(404);
  });

  it("pauses (nothing new starts) and resumes to the end", async () => {
    const created = await create(batchBody([1, 2, 3, 4, 5, 6].map(task), { concurrency: 1, pacingPerSecond: 1 }));
    const paused = await act(created.id, "pause");
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe("paused");
    const started = async () => (await getTasks(created.id)).filter((t) => t.interactionId !== null).length;
    // Whatever started before the pause finishes; then nothing more starts while paused.
    await expect.poll(async () => (await getBatch(created.id)).counts.started, { timeout: 20_000 }).toBe(0);
    const before = await started();
    expect(before).toBeLessThan(6);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await started()).toBe(before);
    expect((await getBatch(created.id)).status).toBe("paused");

    expect((await act(created.id, "pause")).status).toBe(409);
    const resumed = await act(created.id, "resume");
    expect(resumed.body.status).toBe("running");
    const done = await waitForBatch(created.id, "completed", 60_000);
    expect(done.counts.completed).toBe(6);
  });

  it("cancels a scheduled batch: its tasks are cancelled and never start", async () => {
    const startAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await create(batchBody([task(11), task(12)], { startAt }));
    expect(created.status).toBe("scheduled");
    const cancelled = await act(created.id, "cancel");
    expect(cancelled.status).toBe(200);
    expect(batchSchema.parse(cancelled.body)).toMatchObject({ status: "cancelled", progress: 1 });
    expect(cancelled.body.counts).toMatchObject({ pending: 0, cancelled: 2 });
    expect((await getTasks(created.id)).every((t) => t.state === "cancelled" && t.interactionId === null)).toBe(true);
    const again = await act(created.id, "resume");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_transition");
  });

  it("waits outside its calling windows", async () => {
    // A window only on the day after tomorrow (in the batch's zone): closed now, whatever the hour.
    const zone = "Asia/Kolkata";
    const today = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" }).format(new Date()).toLowerCase();
    const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    const day = days[(days.indexOf(today) + 2) % 7];
    const created = await create(
      batchBody([task(21)], { timezone: zone, callingWindows: [{ days: [day], start: "00:00", end: "23:59" }] }),
    );
    await new Promise((r) => setTimeout(r, 1200));
    const b = await getBatch(created.id);
    expect(b.status).toBe("running");
    expect(b.counts.pending).toBe(1);
    expect((await act(created.id, "cancel")).status).toBe(200);
  });

  it("refuses bad input with the error envelope", async () => {
    const expect422 = async (body: unknown, path: RegExp) => {
      const res = await api("POST", "/api/v1/batches", body);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(
        paths.some((p: string) => path.test(p)),
        paths.join(", "),
      ).toBe(true);
      return res.body.error;
    };
    const tooMany = Array.from({ length: 100_001 }, () => ({ customerPhone: "+14155550100" }));
    const many = await expect422({ ...batchBody(tooMany), allowDuplicates: true }, /^tasks$/);
    expect(many.message).toContain("at most 100000 tasks");
    await expect422(batchBody([task(1)], { timezone: "Mars/Olympus_Mons" }), /^timezone$/);
    await expect422(
      batchBody([task(1)], { callingWindows: [{ days: ["mon"], start: "18:00", end: "09:00" }] }),
      /^callingWindows\.0\.end$/,
    );
    await expect422(
      batchBody([task(1)], { callingWindows: [{ days: ["someday"], start: "09:00", end: "10:00" }] }),
      /^callingWindows\.0\.days/,
    );
    await expect422(batchBody([{ customerName: "No Phone" }]), /^tasks\.0\.customerPhone$/);
    await expect422(batchBody([]), /^tasks$/);
    await expect422(batchBody([task(1)], { agentId: "3f4e5d6c-7b8a-4c9d-ae0f-1a2b3c4d5e00" }), /^agentId$/);

    const dup = await expect422(batchBody([task(1), task(2), task(1), task(1)]), /^tasks\.2\.customerPhone$/);
    const messages = dup.details.map((d: { message: string }) => d.message).join(" ");
    expect(messages).toContain("Row 3 repeats the phone number +14155552001 of row 1");
    expect(messages).toContain("Row 4 repeats");
    const allowed = await create(
      batchBody([task(41), task(41)], { allowDuplicates: true, startAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(allowed.taskCount).toBe(2);
    await act(allowed.id, "cancel");

    const huge = await api("POST", "/api/v1/batches", `{"pad":"${"x".repeat(10 * 1024 * 1024 + 10)}"}`);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    expect((await api("PUT", `/api/v1/batches/${allowed.id}`, { action: "explode" })).status).toBe(422);
    expect((await api("GET", "/api/v1/batches/123e4567-e89b-12d3-a456-426614179999")).status).toBe(404);
    expect((await api("GET", "/api/v1/batches?status=exploded")).status).toBe(422);
  });

  it("lists batches newest first with their counts", async () => {
    const res = await api("GET", "/api/v1/batches?limit=3");
    expect(res.status).toBe(200);
    const list = z.array(batchSchema).parse(res.body);
    expect(list.length).toBe(3);
    // The five batches the tests above created on this app.
    expect(Number(res.headers.get("x-total-count"))).toBeGreaterThanOrEqual(5);
    const created = list.map((b) => Date.parse(b.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });
});

describe("batch durability", () => {
  it("neither starts a task twice nor loses one when the server is killed mid-dispatch", { timeout: 180_000 }, async () => {
    const database = await newDatabase(inject("dialect"));
    prepareDatabase(database.url);
    const env = { SIMULATOR_STEP_MS: "150" };
    let app: RunningApp = await startApp(database.url, env);
    try {
      const n = 40;
      const created = await create(
        batchBody(
          Array.from({ length: n }, (_, i) => task(100 + i)),
          { concurrency: 8, pacingPerSecond: 20 },
        ),
        app.url,
      );
      // Kill while some tasks have started and others wait.
      await expect
        .poll(async () => (await getBatch(created.id, app.url)).counts.pending, { timeout: 30_000, interval: 20 })
        .toBeLessThan(n - 4);
      expect((await getBatch(created.id, app.url)).counts.pending).toBeGreaterThan(0);
      await app.kill();

      app = await startApp(database.url, env, app.port);
      const done = await waitForBatch(created.id, "completed", 120_000, app.url);
      expect(done.counts).toEqual({ pending: 0, started: 0, completed: n, failed: 0, cancelled: 0 });

      const tasks = await getTasks(created.id, app.url);
      expect(tasks).toHaveLength(n);
      expect(tasks.every((t) => t.attempts === 1)).toBe(true);
      const taskCalls = new Set(tasks.map((t) => t.interactionId));
      expect(taskCalls.size).toBe(n);
      // Every interaction in the database belongs to exactly one task: none was created for a task twice.
      const calls = await api("GET", "/api/v1/calls?limit=100", undefined, {}, app.url);
      expect(Number(calls.headers.get("x-total-count"))).toBe(n);
      expect(new Set(calls.body.map((c: { id: string }) => c.id))).toEqual(taskCalls);
    } finally {
      await app.stop();
      await database.drop();
    }
  });
  it("tries a busy call again after the retry delay", { timeout: 120_000 }, async () => {
    // An app of its own whose simulator rings long enough to be caught ringing and made busy, as a carrier would.
    const database = await newDatabase(inject("dialect"));
    prepareDatabase(database.url);
    const app = await startApp(database.url, { SIMULATOR_STEP_MS: "700" });
    try {
      const created = await create(
        batchBody([task(31)], { retry: { busy: { count: 1, delayMinutes: 0 } }, concurrency: 1 }),
        app.url,
      );
      let firstCall = "";
      await expect
        .poll(
          async () => {
            const [t] = await getTasks(created.id, app.url);
            if (!t.interactionId) return "waiting";
            firstCall = t.interactionId;
            const call = await api("GET", `/api/v1/calls/${firstCall}`, undefined, {}, app.url);
            if (call.body.status !== "ringing") return call.body.status;
            const busy = await api("PUT", `/api/v1/calls/${firstCall}`, { status: "busy" }, {}, app.url);
            return busy.status === 200 ? "busy" : "retry";
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBe("busy");
      const done = await waitForBatch(created.id, "completed", 60_000, app.url);
      const [t] = await getTasks(created.id, app.url);
      expect(t).toMatchObject({ state: "completed", attempts: 2, outcome: "completed" });
      expect(t.interactionId).not.toBe(firstCall);
      expect(done.counts.completed).toBe(1);
    } finally {
      await app.stop();
      await database.drop();
    }
  });
});
