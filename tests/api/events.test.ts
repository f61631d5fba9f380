// Live event streams (SSE): a call's stream starts with its state, then pushes its messages and status
// changes in order until the terminal status ends it; Last-Event-ID resumes without repeats; the
// all-calls feed announces changes. Frames are parsed from a plain fetch, as an integrator would.
import { describe, expect, inject, it } from "vitest";
import { callSchema } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, baseUrl, SKILL_ID, waitForTerminal } from "../support/api";
import { collectSse, openSseStream } from "../support/sse";

const openStream = (path: string, headers: Record<string, string> = {}) => openSseStream(`${baseUrl()}${path}`, headers);
const collect = collectSse;

const voiceCall = (phone: string) => ({
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "call",
  customerName: "Rosa Diaz",
  customerPhone: phone,
});

describe("live events of one call", () => {
  it("streams the initial state, then messages and statuses in order, and closes at the end", async () => {
    const created = await api("POST", "/api/v1/calls", voiceCall("+14155550301"));
    expect(created.status).toBe(200);
    const stream = await openStream(`/api/v1/calls/${created.body.id}/events`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get("cache-control")).toContain("no-cache");

    const events = await collect(stream);
    const first = events[0];
    expect(first.event).toBe("call");
    expect(first.id).toMatch(/^\d+-\d+-\d+$/);
    expect(callSchema.parse(first.data).id).toBe(created.body.id);

    // The stream ended by itself, after a terminal `call` event that matches the stored call.
    const last = events[events.length - 1];
    expect(last.event).toBe("call");
    expect(isTerminal(last.data.status)).toBe(true);
    const stored = await api("GET", `/api/v1/calls/${created.body.id}`);
    expect(last.data.status).toBe(stored.body.status);
    expect(last.data.messages).toEqual(stored.body.messages);
    expect(last.data.recordingUrl).toBeTruthy();

    // Every message and status change after the first snapshot arrives once, in order.
    const startMessages = first.data.messages.length;
    const startHistory = first.data.statusHistory.length;
    const messages = events.filter((e) => e.event === "message").map((e) => e.data.sid);
    expect(messages).toEqual(stored.body.messages.slice(startMessages).map((m: { sid: string }) => m.sid));
    const statuses = events.filter((e) => e.event === "status").map((e) => e.data.status);
    expect(statuses).toEqual(stored.body.statusHistory.slice(startHistory).map((h: { status: string }) => h.status));
    expect(statuses).toContain("in-progress");
    expect(statuses[statuses.length - 1]).toBe("completed");
    expect(messages.length).toBeGreaterThan(1);

    // Each `call` event moves forward: cursors never repeat and counts never shrink.
    const calls = events.filter((e) => e.event === "call");
    expect(new Set(calls.map((e) => e.id)).size).toBe(calls.length);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i].data.messages.length).toBeGreaterThanOrEqual(calls[i - 1].data.messages.length);
    }
  });

  it("resumes from Last-Event-ID with only what came after it", async () => {
    const created = await api("POST", "/api/v1/calls", voiceCall("+14155550302"));
    const live = await openStream(`/api/v1/calls/${created.body.id}/events`);
    // Stop after the first snapshot that holds a message: that is where the "dropped" viewer was.
    const before = await collect(live, (e) => e.event === "call" && e.data.messages.length > 0);
    live.close();
    const resumeFrom = before[before.length - 1];
    const seenMessages = resumeFrom.data.messages.length;

    const resumed = await openStream(`/api/v1/calls/${created.body.id}/events`, { "last-event-id": resumeFrom.id as string });
    expect(resumed.res.status).toBe(200);
    const after = await collect(resumed);
    const done = await waitForTerminal(created.body.id);
    const replayed = after.filter((e) => e.event === "message").map((e) => e.data.sid);
    expect(replayed).toEqual(done.messages.slice(seenMessages).map((m: { sid: string }) => m.sid));
    expect(after.every((e) => e.id !== resumeFrom.id)).toBe(true);
    expect(after[after.length - 1].data.status).toBe(done.status);

    // A viewer that saw the end and comes back is told there is nothing more (EventSource stops on 204).
    const ended = await openStream(`/api/v1/calls/${created.body.id}/events`, {
      "last-event-id": after[after.length - 1].id as string,
    });
    expect(ended.res.status).toBe(204);

    // The lastEventId query parameter resumes like the header (for clients that cannot set headers).
    const fresh = await openStream(`/api/v1/calls/${created.body.id}/events?lastEventId=${resumeFrom.id}`);
    const replay = await collect(fresh);
    expect(replay.filter((e) => e.event === "message").map((e) => e.data.sid)).toEqual(replayed);
  });

  it("pushes a staff change (PUT) and ends the stream on cancel", async () => {
    // Its own app with the worker off: the call stays queued until staff cancel it, with no race
    // against the simulator finishing first.
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const app = await startApp(db.url, { WORKER_ENABLED: "false" });
    try {
      const created = await api("POST", "/api/v1/calls", { ...voiceCall("+14155550303") }, {}, app.url);
      const stream = await openSseStream(`${app.url}/api/v1/calls/${created.body.id}/events`);
      const first = await collect(stream, (e) => e.event === "call");
      expect(first[0].data.status).toBe("queued");
      const put = await api(
        "PUT",
        `/api/v1/calls/${created.body.id}`,
        { status: "canceled", note: "Stop, please." },
        {},
        app.url,
      );
      expect(put.status).toBe(200);
      const rest = await collect(stream);
      const last = rest[rest.length - 1];
      expect(last.event).toBe("call");
      expect(last.data).toMatchObject({ status: "canceled", note: "Stop, please." });
      expect(rest.some((e) => e.event === "status" && e.data.status === "canceled")).toBe(true);
    } finally {
      await app.stop();
      await db.drop();
    }
  });

  it("answers 404 for an unknown call, 401 without credentials and 422 for a bad cursor, as JSON", async () => {
    const missing = await openStream("/api/v1/calls/00000000-0000-4000-8000-000000000000/events");
    expect(missing.res.status).toBe(404);
    expect((await missing.res.json()).error.code).toBe("not_found");

    const res = await fetch(`${baseUrl()}/api/v1/calls/00000000-0000-4000-8000-000000000000/events`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    const feed = await fetch(`${baseUrl()}/api/v1/events`);
    expect(feed.status).toBe(401);

    const created = await api("POST", "/api/v1/calls", voiceCall("+14155550304"));
    const bad = await openStream(`/api/v1/calls/${created.body.id}/events`, { "last-event-id": "yesterday" });
    expect(bad.res.status).toBe(422);
    expect((await bad.res.json()).error.details[0].message).toContain("Last-Event-ID");
  });
});

describe("live events of all calls", () => {
  it("announces a new call and its changes as summaries", async () => {
    const feed = await openStream("/api/v1/events");
    expect(feed.res.status).toBe(200);
    const created = await api("POST", "/api/v1/calls", voiceCall("+14155550305"));
    const events = await collect(feed, (e) => e.data.id === created.body.id && isTerminal(e.data.status));
    feed.close();
    const mine = events.filter((e) => e.data.id === created.body.id);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine[0]).toMatchObject({ event: "call", data: { id: created.body.id, channel: "call", customerName: "Rosa Diaz" } });
    expect(mine[mine.length - 1].data.status).toBe("completed");
    expect(mine.every((e) => /^\d+$/.test(e.id as string) && typeof e.data.updatedAt === "string")).toBe(true);

    // Resuming from before the call replays it.
    const resumed = await openStream("/api/v1/events", { "last-event-id": String(Date.parse(created.body.createdAt) - 1) });
    const replay = await collect(resumed, (e) => e.data.id === created.body.id);
    resumed.close();
    expect(replay[replay.length - 1].data).toMatchObject({ id: created.body.id, status: "completed" });
  });
});
