// The live event streams (use cases behind the SSE routes).
//
// Per call, GET /api/v1/calls/{id}/events sends:
//   event: call     the full call object (as GET /calls/{id}); first on connect, then after every change
//   event: message  each new message, before the `call` event that includes it
//   event: status   each new status change ({status, previousStatus, at, actor, reason})
//   event: analyzed the full call once its post-call analysis is written (done or failed), if that
//                   happens within ANALYSIS_WAIT_MS of the end
// Only `call` events carry an id (the cursor), so a client that reconnects with Last-Event-ID gets
// every message and status change it missed, then the current call. The stream ends after a
// terminal status, once the post-call analysis is no longer pending (or after ANALYSIS_WAIT_MS); a resume of an ended call that missed nothing gets 204 (EventSource then stops).
//
// GET /api/v1/events sends `call` events with a short summary of any call that changes; its ids are
// updatedAt times, and a resume replays every call whose activity moved since shortly before the
// cursor (a few repeats, never a gap), paced to the client, then carries on live.
//
// A client that stops reading is disconnected once its queue is full (sse.ts) and resumes as above;
// each principal holds at most SSE_MAX_STREAMS_PER_PRINCIPAL streams (stream-slots.ts).
import type { Principal } from "@/server/auth/authenticate";
import { getCall } from "@/server/calls/service";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { type CallSummary, LOOKBACK_MS, subscribeFeed, toSummary } from "./feed";
import { changedAfter } from "./queries";
import { type SseChannel, sseFrame, sseResponse } from "./sse";
import { claimStreamSlot } from "./stream-slots";
import { watchCall } from "./watcher";

/** How long an ended call's stream waits for its post-call analysis before it closes anyway. */
export const ANALYSIS_WAIT_MS = 10_000;

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
export async function callEventsResponse(id: string, lastEventId: string | undefined, signal: AbortSignal, principal: Principal) {
  const call = await getCall(id);
  let resume = lastEventId ? parseCursor(lastEventId) : null;
  // A cursor from the future (another call, a reset database) cannot be diffed: start over.
  if (resume && isBehind(parseCursor(cursorOf(call)), resume)) resume = null;
  if (resume && isTerminal(call.status) && isSame(parseCursor(cursorOf(call)), resume)) {
    return new Response(null, { status: 204 });
  }
  const release = claimStreamSlot(principal);
  const run = (channel: SseChannel) => {
    let seen = resume;
    // Whether this viewer has seen the call before its analysis was ready: then `analyzed` announces it.
    let awaitingAnalysis = false;
    let waitTimer: ReturnType<typeof setTimeout> | undefined;
    const push = (next: Call) => {
      const cursor = parseCursor(cursorOf(next));
      // Snapshots may repeat or overtake each other: send only what moves the viewer forward.
      if (seen && (isSame(cursor, seen) || isBehind(cursor, seen))) return;
      const analysed = next.analysis !== null && next.analysis.status !== "pending";
      const announce = awaitingAnalysis && analysed ? sseFrame({ event: "analyzed", data: next }) : "";
      channel.send(announce + framesSince(next, seen));
      seen = cursor;
      awaitingAnalysis = !analysed;
      if (!isTerminal(next.status)) return;
      // An ended call's stream stays open for its post-call analysis (the `analyzed` event), but not for
      // longer than ANALYSIS_WAIT_MS: a slow model (or no worker) must not hold the stream; the call
      // object shows the analysis once it is written.
      if (next.analysis?.status !== "pending") channel.close();
      else if (!waitTimer) {
        waitTimer = setTimeout(() => channel.close(), ANALYSIS_WAIT_MS);
        channel.onClose(() => clearTimeout(waitTimer));
      }
    };
    push(call);
    if (!channel.closed) channel.onClose(watchCall(id, push, call));
  };
  return sseResponse(signal, run, release);
}

const summaryFrame = (summary: CallSummary) =>
  sseFrame({ event: "call", id: String(Date.parse(summary.updatedAt)), data: summary });

/** Small enough that a page stays well inside a stream's queue limit. */
const REPLAY_PAGE = 100;

/** Sends every call whose activity moved at or after `since`, a page at a time as the client keeps up. */
async function replayFeed(channel: SseChannel, since: Date) {
  let after = { at: since, id: "" };
  for (;;) {
    await channel.ready();
    if (channel.closed) return;
    const rows = await changedAfter(after, REPLAY_PAGE);
    for (const row of rows) channel.send(summaryFrame(toSummary(row)));
    if (rows.length < REPLAY_PAGE) return;
    const last = rows[rows.length - 1];
    after = { at: last.lastActivityAt, id: last.id };
  }
}

/** GET /api/v1/events: summaries of changed calls; a resume replays what changed since its cursor. */
export function feedEventsResponse(lastEventId: string | undefined, signal: AbortSignal, principal: Principal) {
  const release = claimStreamSlot(principal);
  const run = async (channel: SseChannel) => {
    // Changes made during a replay wait (the latest per call) and follow it, so that no live event's
    // later id can overtake what the replay has still to send.
    let held: Map<string, CallSummary> | null = lastEventId ? new Map() : null;
    channel.onClose(
      subscribeFeed((summary) => {
        if (held) held.set(summary.id, summary);
        else channel.send(summaryFrame(summary));
      }),
    );
    if (!lastEventId) return;
    await replayFeed(channel, new Date(Number(lastEventId) - LOOKBACK_MS));
    const waited = held ?? new Map<string, CallSummary>();
    held = null;
    for (const summary of waited.values()) channel.send(summaryFrame(summary));
  };
  return sseResponse(signal, run, release);
}
