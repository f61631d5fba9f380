// GET /api/v1/batches/{id}/events: a batch's progress as Server-Sent Events, for its page and for
// integrations that would rather not poll.
//   event: progress   the Batch (as GET /batches/{id}): first on connect, then whenever its counts or status move
//   event: completed  the Batch once it has completed or been cancelled; then the stream ends
// Every event's id is the batch's version (cursor below). A reconnect whose Last-Event-ID is the
// version of a finished batch gets 204, so EventSource stops instead of reconnecting for ever.
//
// The stream reads the batch's row once per PROGRESS_EVERY_MS and counts its tasks only when the row
// moved: the dispatcher stamps `progressAt` whenever it records batch.progress (at most once a second,
// and always after a change), and a status change stamps `updatedAt`. So it needs no message from the
// dispatcher, and follows a batch whichever instance dispatches it, on SQLite and Postgres alike.
import { notFound } from "@/lib/errors";
import type { Principal } from "@/server/auth/authenticate";
import { type SseChannel, sseFrame, sseResponse } from "@/server/events/sse";
import { claimStreamSlot } from "@/server/events/stream-slots";
import { PROGRESS_EVERY_MS } from "./dispatcher";
import { type BatchRow, countTasks, findBatch } from "./queries";
import { toBatch } from "./serialize";

const FINISHED = new Set(["completed", "cancelled"]);

/** What a viewer has seen of a batch (batchCursorSchema): its status and when it last moved. */
const cursorOf = (row: BatchRow) => `${row.status}-${row.progressAt?.getTime() ?? 0}-${row.updatedAt.getTime()}`;

export async function batchEventsResponse(
  id: string,
  lastEventId: string | undefined,
  signal: AbortSignal,
  principal: Principal,
) {
  const row = await findBatch(id);
  if (!row) throw notFound("The batch");
  if (lastEventId === cursorOf(row) && FINISHED.has(row.status)) return new Response(null, { status: 204 });
  const release = claimStreamSlot(principal);
  const run = (channel: SseChannel) => {
    let seen = lastEventId ?? "";
    let reading = false;
    const look = async () => {
      if (reading || channel.closed) return;
      reading = true;
      try {
        const now = await findBatch(id);
        if (!now) return channel.close(); // deleted with its database: nothing more will come
        const cursor = cursorOf(now);
        if (cursor === seen) return;
        seen = cursor;
        const batch = toBatch(now, (await countTasks([id])).get(id) ?? {});
        const finished = FINISHED.has(now.status);
        channel.send(sseFrame({ event: finished ? "completed" : "progress", id: cursor, data: batch }));
        if (finished) channel.close();
      } catch {
        // The database is restarting, say: the next tick reads again, and the heartbeat keeps the stream.
      } finally {
        reading = false;
      }
    };
    const timer = setInterval(() => void look(), PROGRESS_EVERY_MS);
    channel.onClose(() => clearInterval(timer));
    void look();
  };
  return sseResponse(signal, run, release);
}
