// Server-Sent Events plumbing: frame encoding and a stream with a retry hint, heartbeats, a bounded
// queue, and one cleanup path for every way a stream ends (terminal event, client abort, reader
// cancel, a client that fell behind).
import type { z } from "zod";
import { validationError } from "@/lib/errors";

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 1000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next's gzip from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/** One event. JSON.stringify never emits a raw newline, so `data` always fits on one line. */
export function sseFrame({ event, id, data }: { event?: string; id?: string; data: unknown }): string {
  return `${event ? `event: ${event}\n` : ""}${id ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
}

export type SseChannel = {
  /** Queues a frame; a client that has fallen too far behind is disconnected instead (see MAX_BUFFERED_BYTES). */
  send(text: string): void;
  /** Resolves once the queue is at most half full, or the stream ended: lets a long replay keep pace. */
  ready(): Promise<void>;
  /** Ends the stream after what was sent; runs the cleanups. */
  close(): void;
  /** Registers a cleanup; runs at once when the stream has already ended. */
  onClose(fn: () => void): void;
  readonly closed: boolean;
};

/**
 * What one stream may queue beyond what its socket already holds. Past it the client is not reading
 * (or reads far slower than events come): it is disconnected rather than buffered for without limit,
 * and resumes with Last-Event-ID. Large enough for one poll's burst of summaries or a few full calls.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

/** Named AbortError so that Next's response piping drops the connection without logging it as a failure. */
const fellBehind = () => new DOMException("The client fell behind; it may resume with Last-Event-ID.", "AbortError");

const encoder = new TextEncoder();

// Every open stream of this process, so a shutdown can end them (one set per process: Next may load
// each route bundle as its own module instance).
const globalForSse = globalThis as unknown as { callboardStreams?: Set<SseChannel> };
globalForSse.callboardStreams ??= new Set<SseChannel>();
const openStreams = globalForSse.callboardStreams;

/** Live event streams this process holds open (GET /api/metrics). */
export const openStreamCount = () => openStreams.size;

/**
 * Ends every open stream with a reconnect hint (graceful shutdown): clients reconnect after
 * RETRY_MS, to another instance behind the load balancer, and resume from their Last-Event-ID.
 */
export function closeAllStreams(): number {
  const streams = [...openStreams];
  for (const channel of streams) {
    channel.send(`retry: ${RETRY_MS}\n\n`);
    channel.close();
  }
  return streams.length;
}

/**
 * An SSE response. `run` writes the first events and subscribes to later ones; it registers its
 * unsubscribe with `onClose`. `onEnd` runs once however the stream ends, even if it ends before `run`.
 */
export function sseResponse(
  signal: AbortSignal,
  run: (channel: SseChannel) => void | Promise<void>,
  onEnd?: () => void,
): Response {
  let closed = false;
  const cleanups: (() => void)[] = onEnd ? [onEnd] : [];
  const waiting: (() => void)[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array>;

  const hasRoom = () => closed || (controller.desiredSize ?? 0) >= MAX_BUFFERED_BYTES / 2;
  const wake = () => {
    if (hasRoom()) for (const resolve of waiting.splice(0)) resolve();
  };
  const finish = (end: "close" | "cancelled" | "behind") => {
    if (closed) return;
    closed = true;
    signal.removeEventListener("abort", onAbort);
    for (const fn of cleanups.splice(0)) {
      try {
        fn();
      } catch (error) {
        console.error("[callboard] live events: cleanup failed:", error);
      }
    }
    wake();
    try {
      // An error, unlike close, discards the queue at once and drops the connection.
      if (end === "behind") controller.error(fellBehind());
      else if (end === "close") controller.close();
    } catch {
      // already closed by the reader
    }
  };
  const onAbort = () => finish("close");

  const channel: SseChannel = {
    send(text) {
      if (closed) return;
      if ((controller.desiredSize ?? 0) <= 0) return finish("behind");
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        finish("cancelled");
      }
    },
    ready() {
      if (hasRoom()) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => finish("close"),
    onClose(fn) {
      if (closed) fn();
      else cleanups.push(fn);
    },
    get closed() {
      return closed;
    },
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal.aborted) return finish("close");
        signal.addEventListener("abort", onAbort, { once: true });
        openStreams.add(channel);
        channel.onClose(() => openStreams.delete(channel));
        channel.send(`retry: ${RETRY_MS}\n\n`);
        const heartbeat = setInterval(() => channel.send(": keep-alive\n\n"), HEARTBEAT_MS);
        heartbeat.unref?.();
        channel.onClose(() => clearInterval(heartbeat));
        Promise.resolve(run(channel)).catch((error) => {
          console.error("[callboard] live events: stream failed:", error);
          finish("close");
        });
      },
      // Called after each read while the queue is below its limit.
      pull: wake,
      cancel: () => finish("cancelled"),
    },
    { highWaterMark: MAX_BUFFERED_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, { headers: SSE_HEADERS });
}

/** The resume cursor from the Last-Event-ID header, validated by the stream's cursor schema. */
export function lastEventIdHeader<S extends z.ZodType<string>>(req: Request, schema: S): string | undefined {
  const value = req.headers.get("last-event-id");
  if (value === null || value === "") return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, "The Last-Event-ID header");
  return parsed.data;
}
