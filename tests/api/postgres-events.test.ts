// On PostgreSQL a viewer connected to one instance follows an interaction that another instance's
// worker runs. The viewing instance's database poll is set to a minute, far beyond the test's
// patience, so everything it streams must arrive through LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AGENT_ID, api, SKILL_ID } from "../support/api";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { collectSse, openSseStream, type SseEvent } from "../support/sse";

const NO_POLL = { EVENTS_POLL_MS: "60000" };
/** Generous, but far below the viewer's poll interval: only a notification can beat it. */
const PATIENCE_MS = 15_000;

let db: Awaited<ReturnType<typeof newDatabase>>;
let worker: RunningApp;
let viewer: RunningApp;

beforeAll(async () => {
  expect(inject("dialect")).toBe("postgresql");
  db = await newDatabase("postgresql");
  prepareDatabase(db.url);
  [worker, viewer] = await Promise.all([
    startApp(db.url, { ...NO_POLL, SIMULATOR_STEP_MS: "60", WORKER_POLL_MS: "20" }),
    startApp(db.url, { ...NO_POLL, WORKER_ENABLED: "false" }),
  ]);
});

afterAll(async () => {
  await Promise.all([worker?.stop(), viewer?.stop()]);
  await db?.drop();
});

const createCall = async (root: string, phone: string) => {
  const created = await api(
    "POST",
    "/api/v1/calls",
    { agentId: AGENT_ID, skillId: SKILL_ID, channel: "sms", customerName: "Remote Viewer", customerPhone: phone },
    {},
    root,
  );
  expect(created.status).toBe(200);
  return created.body.id as string;
};

describe("live events across instances (LISTEN/NOTIFY)", () => {
  it("streams every message and status change written by another instance's worker", async () => {
    // Created on the viewer (its worker is off): the other instance's worker runs it.
    const id = await createCall(viewer.url, "+14155550399");
    const stream = await openSseStream(`${viewer.url}/api/v1/calls/${id}/events`);
    expect(stream.res.status).toBe(200);
    // The stream ends by itself once the call is terminal; the deadline would cut it short otherwise.
    const events = await collectSse(stream, () => false, PATIENCE_MS);
    const calls = events.filter((e) => e.event === "call").map((e) => e.data);
    const last = calls[calls.length - 1];
    expect(last.status).toBe("completed");

    // Every change since the first snapshot arrived as its own event, none missing, none repeated.
    const first = calls[0];
    const messages = events.filter((e) => e.event === "message").map((e) => e.data.sid);
    const statuses = events.filter((e) => e.event === "status").map((e) => e.data.status);
    expect(messages).toEqual(last.messages.slice(first.messages.length).map((m: { sid: string }) => m.sid));
    expect(statuses).toEqual(last.statusHistory.slice(first.statusHistory.length).map((h: { status: string }) => h.status));
    expect(statuses.length).toBeGreaterThan(1);
    expect(messages.length).toBeGreaterThan(1);

    // The stored call agrees with what was streamed.
    const stored = await api("GET", `/api/v1/calls/${id}`, undefined, {}, worker.url);
    expect(stored.body.statusHistory.length).toBe(last.statusHistory.length);
    expect(stored.body.messages.length).toBe(last.messages.length);
  });

  it("streams a staff change made through another instance", async () => {
    const id = await createCall(viewer.url, "+14155550398");
    const stream = await openSseStream(`${viewer.url}/api/v1/calls/${id}/events`);
    expect(stream.res.status).toBe(200);
    const [initial] = await collectSse(stream, (e) => e.event === "call", PATIENCE_MS);
    expect(initial.event).toBe("call");
    const note = "Customer asked for a callback tomorrow.";
    const put = await api("PUT", `/api/v1/calls/${id}`, { note }, {}, worker.url);
    expect(put.status).toBe(200);
    const seen = await collectSse(stream, (e) => e.event === "call" && e.data.note === note, PATIENCE_MS);
    stream.close();
    expect(seen.at(-1)?.data.note).toBe(note);
  });

  it("announces other instances' changes on the all-calls feed", async () => {
    const feed = await openSseStream(`${viewer.url}/api/v1/events`);
    expect(feed.res.status).toBe(200);
    // Created on the other instance this time: the viewer hears of it only through notifications.
    const id = await createCall(worker.url, "+14155550397");
    const mine = (e: SseEvent) => e.event === "call" && e.data.id === id;
    const seen = await collectSse(feed, (e) => mine(e) && e.data.status === "completed", PATIENCE_MS);
    feed.close();
    const statuses = seen.filter(mine).map((e) => e.data.status);
    expect(statuses.at(-1)).toBe("completed");
    expect(statuses.length).toBeGreaterThan(1);
  });
});
