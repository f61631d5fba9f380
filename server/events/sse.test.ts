import { describe, expect, it } from "vitest";
import { MAX_BUFFERED_BYTES, type SseChannel, sseResponse } from "./sse";

const FRAME = `data: "${"x".repeat(10_000)}"\n\n`;

function open() {
  let channel: SseChannel | undefined;
  let ended = 0;
  const response = sseResponse(
    new AbortController().signal,
    (c) => {
      channel = c;
    },
    () => ended++,
  );
  if (!channel) throw new Error("run was not called");
  return { response, channel, ended: () => ended };
}

describe("sseResponse's queue", () => {
  it("drops a client that does not read once the queue is full, discarding it, and ends once", async () => {
    const { response, channel, ended } = open();
    let queued = 0;
    while (!channel.closed && queued < 100 * MAX_BUFFERED_BYTES) {
      channel.send(FRAME);
      if (!channel.closed) queued += FRAME.length;
    }
    expect(channel.closed).toBe(true);
    expect(queued).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + FRAME.length);
    expect(ended()).toBe(1);
    channel.close();
    expect(ended()).toBe(1);
    // What was queued is gone: the reader sees the stream fail at once, not the frames.
    await expect(response.body?.getReader().read()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("keeps a client that reads, however much passes through", async () => {
    const { response, channel, ended } = open();
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    let received = 0;
    for (let i = 0; i < 300; i++) {
      channel.send(FRAME);
      const { value } = await reader.read();
      received += value?.byteLength ?? 0;
    }
    expect(channel.closed).toBe(false);
    expect(received).toBeGreaterThan(10 * MAX_BUFFERED_BYTES);
    channel.close();
    expect(ended()).toBe(1);
  });

  it("ready() waits while the queue is more than half full, and resumes once the client reads", async () => {
    const { response, channel } = open();
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    for (let i = 0; i < 15; i++) channel.send(FRAME);
    let ready = false;
    const waiting = channel.ready().then(() => {
      ready = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(ready).toBe(false);
    for (let i = 0; i < 10; i++) await reader.read();
    await waiting;
    expect(ready).toBe(true);
    expect(channel.closed).toBe(false);
  });

  it("runs the end hook even when the request was aborted before the stream started", () => {
    const aborted = new AbortController();
    aborted.abort();
    let ended = 0;
    let ran = false;
    sseResponse(
      aborted.signal,
      () => {
        ran = true;
      },
      () => ended++,
    );
    expect(ran).toBe(false);
    expect(ended).toBe(1);
  });
});
