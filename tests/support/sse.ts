// Reading Server-Sent Events from a plain fetch, as an integrator would: used by the live-event tests
// and the live-events benchmark.
import { TEST_CREDENTIALS } from "./app";

const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;

/** Payloads are read field by field in assertions, so they are typed loosely on purpose. */
export type SseEvent = { event: string; id?: string; data: any };

/** Opens an SSE stream at an absolute URL and yields its events as they arrive; ends when the server closes. */
export async function openSseStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: AUTH, accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  async function* events(): AsyncGenerator<SseEvent> {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split("\n")) {
            if (!line || line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
          }
          if (fields.data === undefined) continue;
          yield { event: fields.event ?? "message", id: fields.id, data: JSON.parse(fields.data) };
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  }
  return { res, events: events(), close: () => controller.abort() };
}

export type SseStream = Awaited<ReturnType<typeof openSseStream>>;

/** Reads events until the server ends the stream (or `stop` says so), with a deadline. */
export async function collectSse(stream: SseStream, stop: (e: SseEvent) => boolean = () => false, timeoutMs = 20_000) {
  const seen: SseEvent[] = [];
  const deadline = setTimeout(stream.close, timeoutMs);
  try {
    // next() by hand, not for-await: breaking out of for-await would end the stream for later reads.
    for (let r = await stream.events.next(); !r.done; r = await stream.events.next()) {
      seen.push(r.value);
      if (stop(r.value)) break;
    }
  } finally {
    clearTimeout(deadline);
  }
  return seen;
}
