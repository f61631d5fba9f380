// Cross-instance delivery of the event bus on PostgreSQL. Every published event is also sent as
// `NOTIFY callboard_events` (after the publisher's commit, so a listener that reloads sees the change);
// one dedicated LISTEN connection per process re-emits other instances' events on the local bus.
// Notifications sent while the listener is down are lost, so every (re)connect asks the live views
// for one catch-up poll. On SQLite there is one instance and all of this is off.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dialect, env } from "@/lib/env";
import { logThrottled } from "@/lib/log";
import { pgNotify } from "@/lib/sql";
import type { CallEvent } from "./bus";
import { callNotificationSchema } from "./schema";

export const NOTIFY_CHANNEL = "callboard_events";
const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 10_000;
/** A connection can die without a FIN (a partition, a killed proxy): a periodic query notices. */
const CHECK_EVERY_MS = 30_000;
const ERROR_LOG_EVERY_MS = 30_000;

type Handlers = { event: (event: CallEvent) => void; resync: () => void };

type ListenerState = {
  handlers: Handlers;
  client: pg.Client | null;
  backoffMs: number;
  check: ReturnType<typeof setInterval> | null;
  /** Successful LISTENs so far (diagnostics). */
  connects: number;
  stopped?: boolean;
};

// Next may load each route bundle (and instrumentation) as its own module instance: the origin id
// and the listener must be one per process, or an instance would not recognise its own events.
const globalForNotify = globalThis as unknown as {
  callboardInstanceId?: string;
  callboardPgListener?: ListenerState;
};
globalForNotify.callboardInstanceId ??= randomBytes(8).toString("hex");
const INSTANCE_ID = globalForNotify.callboardInstanceId;

function logError(what: string, error: unknown) {
  logThrottled("live-events", `live events: ${what}: ${error instanceof Error ? error.message : error}`, ERROR_LOG_EVERY_MS);
}

/** Tells the other instances about a committed change. Fire and forget: their poll is the fallback. */
export function notifyInstances(event: CallEvent) {
  if (dialect !== "postgresql") return;
  const payload = JSON.stringify({ callId: event.callId, kind: event.kind, origin: INSTANCE_ID });
  pgNotify(NOTIFY_CHANNEL, payload).catch((error) => logError("NOTIFY failed", error));
}

function receive(state: ListenerState, payload: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return;
  }
  const result = callNotificationSchema.safeParse(parsed);
  // Our own events were already emitted locally by publishCallEvent.
  if (!result.success || result.data.origin === INSTANCE_ID) return;
  state.handlers.event({ callId: result.data.callId, kind: result.data.kind });
}

function scheduleReconnect(state: ListenerState) {
  if (state.stopped) return;
  const delay = state.backoffMs;
  state.backoffMs = Math.min(BACKOFF_MAX_MS, state.backoffMs * 2);
  setTimeout(() => void connect(state), delay * (0.75 + Math.random() / 2)).unref?.();
}

async function connect(state: ListenerState) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true, query_timeout: 10_000 });
  let dropped = false;
  const drop = (error?: unknown) => {
    if (dropped) return;
    dropped = true;
    if (error) logError("LISTEN connection lost, reconnecting", error);
    if (state.client === client) state.client = null;
    client.end().catch(() => {});
    scheduleReconnect(state);
  };
  // The error handler stays attached for the client's life: an unhandled 'error' would crash the process.
  client.on("error", drop);
  client.on("end", () => drop());
  client.on("notification", (message) => {
    if (message.channel === NOTIFY_CHANNEL && message.payload) receive(state, message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
  } catch (error) {
    drop(error);
    return;
  }
  if (dropped) return;
  state.client = client;
  state.backoffMs = BACKOFF_MIN_MS;
  state.connects++;
  state.handlers.resync();
}

/**
 * Starts this process's listener (once; later calls do nothing). `event` receives other instances'
 * events; `resync` runs after every (re)connect, when notifications may have been missed.
 */
export function listenToInstances(handlers: Handlers) {
  if (dialect !== "postgresql" || globalForNotify.callboardPgListener) return;
  const state: ListenerState = { handlers, client: null, backoffMs: BACKOFF_MIN_MS, check: null, connects: 0 };
  globalForNotify.callboardPgListener = state;
  state.check = setInterval(() => {
    const client = state.client;
    client?.query("SELECT 1").catch(() => client.emit("error", new Error("health check failed")));
  }, CHECK_EVERY_MS);
  state.check.unref?.();
  void connect(state);
}

/** Closes this process's listener for good (graceful shutdown). */
export async function stopListening() {
  const state = globalForNotify.callboardPgListener;
  if (!state) return;
  if (state.check) clearInterval(state.check);
  const client = state.client;
  state.client = null;
  // Marked so the 'end' handler does not schedule a reconnect.
  state.stopped = true;
  await client?.end().catch(() => {});
}

/** Whether this process listens, and how often it (re)connected (diagnostics and tests). */
export function listenerStats() {
  const state = globalForNotify.callboardPgListener;
  return { listening: Boolean(state?.client), connects: state?.connects ?? 0, instanceId: INSTANCE_ID };
}
