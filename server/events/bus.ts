// In-process notifications that an interaction changed. Publishers publish after each committed
// change; live views and the webhook worker subscribe. On Postgres every event is also sent to the
// other instances (pg-notify.ts), and live views that follow them get their events here too.
import { EventEmitter } from "node:events";
import { listenToInstances, notifyInstances } from "./pg-notify";

export type CallEvent = { callId: string; kind: "status" | "message" | "updated" };

const globalForBus = globalThis as unknown as { callboardBus?: EventEmitter };
globalForBus.callboardBus ??= new EventEmitter().setMaxListeners(0);
const bus = globalForBus.callboardBus;

/** Call only after the change is committed: other instances reload the call when they hear of it. */
export function publishCallEvent(event: CallEvent) {
  bus.emit("call", event);
  notifyInstances(event);
}

export function subscribeCallEvents(listener: (event: CallEvent) => void): () => void {
  bus.on("call", listener);
  return () => bus.off("call", listener);
}

/**
 * For subscribers that must also see other instances' changes (live views): starts this process's
 * cross-instance listener on Postgres, whose events then arrive through subscribeCallEvents.
 * `onResync` runs whenever the listener (re)connects, because events may have been missed meanwhile:
 * the subscriber should poll the database once. Returns the unsubscribe function.
 */
export function followOtherInstances(onResync: () => void): () => void {
  listenToInstances({ event: (event) => bus.emit("call", event), resync: () => bus.emit("resync") });
  bus.on("resync", onResync);
  return () => bus.off("resync", onResync);
}
