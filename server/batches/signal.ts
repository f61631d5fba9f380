// Lets request handlers nudge the in-process dispatcher, so a new or resumed batch starts without waiting for a poll.
import { EventEmitter } from "node:events";

const globalForSignal = globalThis as unknown as { callboardBatchSignal?: EventEmitter };
globalForSignal.callboardBatchSignal ??= new EventEmitter();
export const batchSignal = globalForSignal.callboardBatchSignal;

export function wakeDispatcher() {
  batchSignal.emit("wake");
}
