// The all-calls change feed behind GET /api/v1/events: a short summary of every call that changes,
// for list and overview pages to refresh. Like the per-call watcher, one source per process serves
// every subscriber: bus events (immediate; on Postgres other instances' too) plus one poll every
// EVENTS_POLL_MS for calls whose activity moved (catches newly created calls and anything missed).
import { toIso, toIsoOrNull } from "@/lib/time";
import type { z } from "zod";
import type { Channel, Status } from "@/server/calls/status";
import { followOtherInstances, subscribeCallEvents } from "./bus";
import { changedSince, findSummary } from "./queries";
import type { callSummarySchema } from "./schema";
import { POLL_MS } from "./watcher";

/** Commits can land a little after their timestamps: each poll (and a resume) looks back this far. */
export const LOOKBACK_MS = 5000;
const MAX_ROWS = 500;

/** One source of truth: the schema the OpenAPI document publishes for this event. */
export type CallSummary = z.infer<typeof callSummarySchema>;

type SummaryRow = {
  id: string;
  status: string;
  channel: string;
  customerName: string;
  agentId: string;
  skillId: string;
  simulated: boolean;
  needsPerson: boolean;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
};

/** Field by field: rows may carry more (a replay's lastActivityAt) that the summary does not publish. */
export const toSummary = (row: SummaryRow): CallSummary => ({
  id: row.id,
  status: row.status as Status,
  channel: row.channel as Channel,
  customerName: row.customerName,
  agentId: row.agentId,
  skillId: row.skillId,
  simulated: row.simulated,
  needsPerson: row.needsPerson,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  endedAt: toIsoOrNull(row.endedAt),
});

export type SummaryListener = (summary: CallSummary) => void;

type Feed = {
  listeners: Set<SummaryListener>;
  /** updatedAt (ms) of each call already announced inside the lookback window. */
  seen: Map<string, number>;
  since: number;
  timer: ReturnType<typeof setInterval> | null;
  polling: boolean;
  /** A poll was asked for while one ran (a resync): run another right after it. */
  pollAgain: boolean;
  unsubscribeBus: (() => void) | null;
  unfollow: (() => void) | null;
};

const globalForFeed = globalThis as unknown as { callboardCallFeed?: Feed };
globalForFeed.callboardCallFeed ??= {
  listeners: new Set(),
  seen: new Map(),
  since: Date.now(),
  timer: null,
  polling: false,
  pollAgain: false,
  unsubscribeBus: null,
  unfollow: null,
};
const feed = globalForFeed.callboardCallFeed;

function announce(row: SummaryRow) {
  const at = row.updatedAt.getTime();
  if ((feed.seen.get(row.id) ?? -1) >= at) return;
  feed.seen.set(row.id, at);
  const summary = toSummary(row);
  for (const listener of feed.listeners) listener(summary);
}

async function poll() {
  if (feed.polling) {
    feed.pollAgain = true;
    return;
  }
  if (feed.listeners.size === 0) return;
  feed.polling = true;
  feed.pollAgain = false;
  try {
    const windowStart = Math.min(feed.since, Date.now()) - LOOKBACK_MS;
    const rows = await changedSince(new Date(windowStart), MAX_ROWS);
    for (const row of rows) announce(row);
    // Forget what fell out of the window: those rows cannot come back unless they change again.
    for (const [id, at] of feed.seen) if (at < windowStart) feed.seen.delete(id);
    feed.since = Date.now();
  } catch (error) {
    console.error("[callboard] live events: feed poll failed:", error instanceof Error ? error.message : error);
  } finally {
    feed.polling = false;
  }
  if (feed.pollAgain) void poll();
}

async function onBusEvent(callId: string) {
  const row = await findSummary(callId).catch(() => null);
  if (row) announce(row);
}

/** Subscribes to summaries of every call that changes from now on. Returns the unsubscribe function. */
export function subscribeFeed(listener: SummaryListener): () => void {
  feed.listeners.add(listener);
  feed.unsubscribeBus ??= subscribeCallEvents((event) => void onBusEvent(event.callId));
  feed.unfollow ??= followOtherInstances(() => void poll());
  if (!feed.timer) {
    feed.since = Date.now();
    feed.timer = setInterval(() => void poll(), POLL_MS);
    feed.timer.unref?.();
  }
  return () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size > 0) return;
    feed.unsubscribeBus?.();
    feed.unsubscribeBus = null;
    feed.unfollow?.();
    feed.unfollow = null;
    if (feed.timer) clearInterval(feed.timer);
    feed.timer = null;
    feed.seen.clear();
  };
}
