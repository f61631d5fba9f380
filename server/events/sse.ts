// Server-Sent Events plumbing: frame encoding and a stream with a retry hint, heartbeats and one
// cleanup path for every way a stream ends (terminal event, client abort, reader cancel).
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
  send(text: string): void;
  /** Ends the stream after what was sent; runs the cleanups. */
  close(): void;
  /** Registers a cleanup; runs at once when the stream has already ended. */
  onClose(fn: () => void): void;
  readonly closed: boolean;
};

const encoder = new TextEncoder();

/**
 * An SSE response. `run` writes the first events and subscribes to later ones; it registers its
 * unsubscribe with `onClose`. Nothing is buffered beyond what the client has not read yet.
 */
export function sseResponse(signal: AbortSignal, run: (channel: SseChannel) => void | Promise<void>): Response {
  let closed = false;
  const cleanups: (() => void)[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array>;

  const finish = (closeStream: boolean) => {
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
    if (closeStream) {
      try {
        controller.close();
      } catch {
        // already closed by the reader
      }
    }
  };
  const onAbort = () => finish(true);

  const channel: SseChannel = {
    send(text) {
      if (closed) return;
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        finish(false);
      }
    },
    close: () => finish(true),
    onClose(fn) {
      if (closed) fn();
      else cleanups.push(fn);
    },
    get closed() {
      return closed;
    },
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal.aborted) return finish(true);
      signal.addEventListener("abort", onAbort, { once: true });
      channel.send(`retry: ${RETRY_MS}\n\n`);
      const heartbeat = setInterval(() => channel.send(": keep-alive\n\n"), HEARTBEAT_MS);
      heartbeat.unref?.();
      channel.onClose(() => clearInterval(heartbeat));
      Promise.resolve(run(channel)).catch((error) => {
        console.error("[callboard] live events: stream failed:", error);
        finish(true);
      });
    },
    cancel: () => finish(false),
  });
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
