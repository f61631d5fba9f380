// Shared change detection behind the live event streams. Every viewer of one call shares one entry:
// the bus (this instance's writes, and on Postgres other instances' via LISTEN/NOTIFY) triggers an
// immediate reload, and one cheap poll per process every EVENTS_POLL_MS (ids + updatedAt + message
// count of every watched call, in a single query) catches anything missed in between. A full call is
// loaded only when its version moved, once per change however many viewers watch it.
import { env } from "@/lib/env";
import { getCall } from "@/server/calls/service";
import type { Call } from "@/server/calls/schema";
import { followOtherInstances, subscribeCallEvents } from "./bus";
import { findVersions } from "./queries";

export const POLL_MS = env.EVENTS_POLL_MS;
const POLL_CHUNK = 500;

export type CallListener = (call: Call) => void;

type Entry = {
  listeners: Set<CallListener>;
  /** `<updatedAt ms>-<message count>` of the last loaded snapshot: what the poll compares against. */
  version: string | null;
  loading: boolean;
  /** A change arrived while loading: load again afterwards, so the last change is never lost. */
  dirty: boolean;
};

type Registry = {
  entries: Map<string, Entry>;
  timer: ReturnType<typeof setInterval> | null;
  polling: boolean;
  /** A poll was asked for while one ran (a resync): run another right after it. */
  pollAgain: boolean;
  unsubscribeBus: (() => void) | null;
  unfollow: (() => void) | null;
};

// Next may load each route bundle as its own module instance: keep one registry per process.
const globalForWatcher = globalThis as unknown as { callboardCallWatcher?: Registry };
globalForWatcher.callboardCallWatcher ??= {
  entries: new Map(),
  timer: null,
  polling: false,
  pollAgain: false,
  unsubscribeBus: null,
  unfollow: null,
};
const registry = globalForWatcher.callboardCallWatcher;

export const versionOf = (updatedAt: Date | string, messageCount: number) => `${new Date(updatedAt).getTime()}-${messageCount}`;

async function load(id: string, entry: Entry) {
  if (entry.loading) {
    entry.dirty = true;
    return;
  }
  entry.loading = true;
  try {
    do {
      entry.dirty = false;
      const call = await getCall(id).catch(() => null);
      if (!call) continue;
      entry.version = versionOf(call.updatedAt, call.messages.length);
      for (const listener of entry.listeners) listener(call);
    } while (entry.dirty && entry.listeners.size > 0);
  } finally {
    entry.loading = false;
  }
}

async function poll() {
  if (registry.polling) {
    registry.pollAgain = true;
    return;
  }
  if (registry.entries.size === 0) return;
  registry.polling = true;
  registry.pollAgain = false;
  try {
    const ids = [...registry.entries.keys()];
    for (let i = 0; i < ids.length; i += POLL_CHUNK) {
      const rows = await findVersions(ids.slice(i, i + POLL_CHUNK));
      for (const row of rows) {
        const entry = registry.entries.get(row.id);
        if (entry && entry.version !== versionOf(row.updatedAt, row._count.messages)) void load(row.id, entry);
      }
    }
  } catch (error) {
    console.error("[callboard] live events: poll failed:", error instanceof Error ? error.message : error);
  } finally {
    registry.polling = false;
  }
  if (registry.pollAgain) void poll();
}

function start() {
  registry.unsubscribeBus ??= subscribeCallEvents((event) => {
    const entry = registry.entries.get(event.callId);
    if (entry) void load(event.callId, entry);
  });
  registry.unfollow ??= followOtherInstances(() => void poll());
  if (!registry.timer) {
    registry.timer = setInterval(() => void poll(), POLL_MS);
    registry.timer.unref?.();
  }
}

function stopIfIdle() {
  if (registry.entries.size > 0) return;
  registry.unsubscribeBus?.();
  registry.unsubscribeBus = null;
  registry.unfollow?.();
  registry.unfollow = null;
  if (registry.timer) clearInterval(registry.timer);
  registry.timer = null;
}

/**
 * Calls `listener` with the full call object whenever the call may have changed (a snapshot can
 * repeat or, rarely, arrive out of order: listeners compare cursors). `known` is the snapshot the
 * caller already has, so the first poll does not reload it. Returns the unsubscribe function.
 */
export function watchCall(id: string, listener: CallListener, known?: Call): () => void {
  let entry = registry.entries.get(id);
  if (!entry) {
    entry = {
      listeners: new Set(),
      version: known ? versionOf(known.updatedAt, known.messages.length) : null,
      loading: false,
      dirty: false,
    };
    registry.entries.set(id, entry);
  }
  entry.listeners.add(listener);
  start();
  const own = entry;
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size === 0 && registry.entries.get(id) === own) registry.entries.delete(id);
    stopIfIdle();
  };
}

/** Reloads a watched call now (used right after subscribing, to close the gap since the first read). */
export function refreshCall(id: string) {
  const entry = registry.entries.get(id);
  if (entry) void load(id, entry);
}

/** How many calls and viewers are watched in this process (diagnostics and tests). */
export function watcherStats() {
  let viewers = 0;
  for (const entry of registry.entries.values()) viewers += entry.listeners.size;
  return { calls: registry.entries.size, viewers };
}
