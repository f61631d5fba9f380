// In-process notifications that an interaction changed. The worker publishes after each committed
// step; live views subscribe. (Cross-instance delivery is layered on top of this.)
import { EventEmitter } from "node:events";

export type CallEvent = { callId: string; kind: "status" | "message" | "updated" };

const globalForBus = globalThis as unknown as { callboardBus?: EventEmitter };
globalForBus.callboardBus ??= new EventEmitter().setMaxListeners(0);
const bus = globalForBus.callboardBus;

export function publishCallEvent(event: CallEvent) {
  bus.emit("call", event);
}

export function subscribeCallEvents(listener: (event: CallEvent) => void): () => void {
  bus.on("call", listener);
  return () => bus.off("call", listener);
}
