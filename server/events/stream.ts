// The live event streams (use cases behind the SSE routes).
//
// Per call, GET /api/v1/calls/{id}/events sends:
//   event: call     the full call object (as GET /calls/{id}); first on connect, then after every change
//   event: message  each new message, before the `call` event that includes it
//   event: status   each new status change ({status, previousStatus, at, actor, reason})
// Only `call` events carry an id (the cursor), so a client that reconnects with Last-Event-ID gets
// every message and status change it missed, then the current call. The stream ends after a
// terminal status; a resume of an ended call that missed nothing gets 204 (EventSource then stops).
//
// GET /api/v1/events sends `call` events with a short summary of any call that changes.
import { getCall } from "@/server/calls/service";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { type CallSummary, changedSince, subscribeFeed, toSummary } from "./feed";
import { sseFrame, sseResponse } from "./sse";
import { watchCall } from "./watcher";

type Cursor = { at: number; messages: number; history: number };

export const cursorOf = (call: Call) => `${Date.parse(call.updatedAt)}-${call.messages.length}-${call.statusHistory.length}`;

function parseCursor(value: string): Cursor {
  const [at, messages, history] = value.split("-").map(Number);
  return { at, messages, history };
}

const isBehind = (a: Cursor, b: Cursor) => a.at < b.at || a.messages < b.messages || a.history < b.history;
const isSame = (a: Cursor, b: Cursor) => a.at === b.at && a.messages === b.messages && a.history === b.history;

/** The frames that bring a viewer who has seen `seen` up to `call`, oldest change first. */
function framesSince(call: Call, seen: Cursor | null): string {
  const changes: { at: number; order: number; frame: string }[] = [];
  if (seen) {
    call.messages.slice(seen.messages).forEach((message, i) => {
      changes.push({ at: Date.parse(message.timestamp), order: i, frame: sseFrame({ event: "message", data: message }) });
    });
    call.statusHistory.slice(seen.history).forEach((change, i) => {
      // A step writes its message before the status it causes: on equal times, messages go first.
      changes.push({ at: Date.parse(change.at), order: 1e6 + i, frame: sseFrame({ event: "status", data: change }) });
    });
    changes.sort((a, b) => a.at - b.at || a.order - b.order);
  }
  return changes.map((c) => c.frame).join("") + sseFrame({ event: "call", id: cursorOf(call), data: call });
}

/** GET /api/v1/calls/{id}/events. A 404 (unknown id) is thrown before the stream starts. */
export async function callEventsResponse(id: string, lastEventId: string | undefined, signal: AbortSignal) {
  const call = await getCall(id);
  let resume = lastEventId ? parseCursor(lastEventId) : null;
  // A cursor from the future (another call, a reset database) cannot be diffed: start over.
  if (resume && isBehind(parseCursor(cursorOf(call)), resume)) resume = null;
  if (resume && isTerminal(call.status) && isSame(parseCursor(cursorOf(call)), resume)) {
    return new Response(null, { status: 204 });
  }
  return sseResponse(signal, (channel) => {
    let seen = resume;
    const push = (next: Call) => {
      const cursor = parseCursor(cursorOf(next));
      // Snapshots may repeat or overtake each other: send only what moves the viewer forward.
      if (seen && (isSame(cursor, seen) || isBehind(cursor, seen))) return;
      channel.send(framesSince(next, seen));
      seen = cursor;
      if (isTerminal(next.status)) channel.close();
    };
    push(call);
    if (!channel.closed) channel.onClose(watchCall(id, push, call));
  });
}

const summaryFrame = (summary: CallSummary) =>
  sseFrame({ event: "call", id: String(Date.parse(summary.updatedAt)), data: summary });

/** GET /api/v1/events: summaries of changed calls; a resume replays what changed after its cursor. */
export function feedEventsResponse(lastEventId: string | undefined, signal: AbortSignal) {
  return sseResponse(signal, async (channel) => {
    channel.onClose(subscribeFeed((summary) => channel.send(summaryFrame(summary))));
    if (lastEventId) {
      for (const row of await changedSince(new Date(Number(lastEventId)))) channel.send(summaryFrame(toSummary(row)));
    }
  });
}
